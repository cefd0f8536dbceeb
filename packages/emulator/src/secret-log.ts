/**
 * The most recent secrets issued, bounded so a long soak does not grow memory without limit.
 * A ring buffer: recording is O(1) however many secrets have been issued.
 */
export class SecretLog {
  private readonly entries: string[] = [];
  private next = 0;

  constructor(private readonly limit: number) {}

  record(...secrets: string[]): void {
    for (const secret of secrets) {
      if (this.entries.length < this.limit) this.entries.push(secret);
      else this.entries[this.next] = secret;
      this.next = (this.next + 1) % this.limit;
    }
  }

  list(): string[] {
    if (this.entries.length < this.limit) return [...this.entries];
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }
}
