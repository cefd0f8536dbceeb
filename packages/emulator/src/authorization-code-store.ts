import { randomToken } from './random-token';
import type { SecretLog } from './secret-log';

/** One authorization code and what its redemption must prove. */
export interface AuthorizationCode {
  code: string;
  clientId: string;
  /** Exactly as the authorize request had it, port included; CreateToken must send the same. */
  redirectUri: string;
  codeChallenge: string;
  expiresAtMs: number;
}

/** Short, like other OAuth servers' codes; the AWS CLI exchanges the code the moment it arrives. */
const CODE_TTL_MS = 5 * 60 * 1000;

export class AuthorizationCodeStore {
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly secrets: SecretLog) {}

  issue(clientId: string, redirectUri: string, codeChallenge: string, now: number): AuthorizationCode {
    const entry = {
      code: randomToken('eac_', 32),
      clientId,
      redirectUri,
      codeChallenge,
      expiresAtMs: now + CODE_TTL_MS,
    };
    this.codes.set(entry.code, entry);
    this.secrets.record(entry.code);
    return entry;
  }

  /** Codes are one-time: taking one removes it, whether or not the redemption then succeeds. */
  take(code: unknown, now: number): AuthorizationCode | undefined {
    const entry = typeof code === 'string' ? this.codes.get(code) : undefined;
    if (!entry) return undefined;
    this.codes.delete(entry.code);
    return entry.expiresAtMs > now ? entry : undefined;
  }

  sweep(now: number): void {
    for (const [code, entry] of this.codes) if (entry.expiresAtMs <= now) this.codes.delete(code);
  }

  get size(): number {
    return this.codes.size;
  }
}
