const MIN_LENGTH = 8;

/**
 * Secret values seen at run time (tokens, client secrets, role keys), so the log format can blank them
 * wherever they turn up: in a message, an error's stack, a field under an innocent key. Bounded, because a
 * daemon that refreshes for months sees an endless stream of tokens; the oldest are the ones no longer in use.
 */
export class SecretRegistry {
  static readonly REDACTED = '[redacted]';

  private readonly values = new Set<string>();
  private pattern: RegExp | null = null;

  constructor(private readonly maxSize = 256) {}

  get size(): number {
    return this.values.size;
  }

  /** Short values are ignored: blanking every `us-east-1` or `true` would ruin the log and protect nothing. */
  add(value: string | null | undefined): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
    this.values.delete(value);
    this.values.add(value);
    for (const oldest of this.values) {
      if (this.values.size <= this.maxSize) break;
      this.values.delete(oldest);
    }
    this.pattern = null;
  }

  redact(text: string): string {
    if (this.values.size === 0 || text.length < MIN_LENGTH) return text;
    // Longest first, so a secret that contains another is blanked whole rather than leaving its remainder.
    this.pattern ??= new RegExp(
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, SecretRegistry.REDACTED);
  }
}
