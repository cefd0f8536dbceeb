import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a link's token turned out to be when someone opened it. */
export type LinkVerdict = 'valid' | 'used' | 'expired' | 'unknown';

interface Link {
  session: string;
  digest: Buffer;
  expiresAt: number;
  used: boolean;
}

/** At most this many links are remembered per session (one per reminder); the oldest go first. */
const KEPT_PER_SESSION = 8;
/** A used or expired link is remembered this long after its end, so a second click gets a clear page. */
const REMEMBERED_MS = 24 * 3_600_000;

const digestOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * The one-time login links of `reauth.mode: browser`, in memory only (a restart forgets them; the next
 * reminder brings a new one). A link is `/login/<session>?t=<128 random bits>`: good once, until it
 * expires, for that session alone. Only a digest of each token is kept, compared in constant time.
 */
export class LoginLinks {
  private readonly links: Link[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** A new link's token for `session`, good for `lifetimeMs`. */
  mint(session: string, lifetimeMs: number): string {
    const token = randomBytes(16).toString('base64url');
    const now = this.now();
    this.forget(now);
    const mine = this.links.filter((l) => l.session === session);
    if (mine.length >= KEPT_PER_SESSION) this.links.splice(this.links.indexOf(mine[0]), 1);
    this.links.push({ session, digest: digestOf(token), expiresAt: now + lifetimeMs, used: false });
    return token;
  }

  /** Checks a token and, when it is valid, spends it: whatever happens next, it never works again. */
  redeem(session: string, token: string): LinkVerdict {
    const digest = digestOf(token);
    const link = this.links.find((l) => l.session === session && timingSafeEqual(l.digest, digest));
    if (!link) return 'unknown';
    if (link.used) return 'used';
    if (this.now() >= link.expiresAt) return 'expired';
    link.used = true;
    return 'valid';
  }

  /** The session logged in (by any means): its outstanding links are spent. */
  spendAll(session: string): void {
    for (const link of this.links) if (link.session === session) link.used = true;
  }

  private forget(now: number): void {
    for (let i = this.links.length - 1; i >= 0; i -= 1)
      if (this.links[i].expiresAt + REMEMBERED_MS < now) this.links.splice(i, 1);
  }
}
