import { randomInt } from 'node:crypto';
import type { DeviceAuthorization } from './device-authorization';
import { randomToken } from './random-token';
import type { SecretLog } from './secret-log';

// Letters a person cannot misread, as in the codes the AWS device page shows.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
// Expired codes stay known this long, so polling them gets ExpiredTokenException rather than InvalidGrantException.
const EXPIRED_RETENTION_MS = 10 * 60 * 1000;

function randomUserCode(): string {
  const letters = Array.from({ length: 8 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]);
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
}

export class DeviceStore {
  private readonly byDeviceCode = new Map<string, DeviceAuthorization>();
  private readonly deviceCodeByUserCode = new Map<string, string>();

  constructor(private readonly secrets: SecretLog) {}

  start(clientId: string, startUrl: string, ttlSeconds: number, intervalSeconds: number, now: number) {
    let userCode = randomUserCode();
    while (this.deviceCodeByUserCode.has(userCode)) userCode = randomUserCode();
    const authorization: DeviceAuthorization = {
      deviceCode: randomToken('edc_', 32),
      userCode,
      clientId,
      startUrl,
      expiresAtMs: now + ttlSeconds * 1000,
      intervalSeconds,
      status: 'pending',
    };
    this.byDeviceCode.set(authorization.deviceCode, authorization);
    this.deviceCodeByUserCode.set(userCode, authorization.deviceCode);
    this.secrets.record(authorization.deviceCode);
    return authorization;
  }

  find(deviceCode: unknown): DeviceAuthorization | undefined {
    return typeof deviceCode === 'string' ? this.byDeviceCode.get(deviceCode) : undefined;
  }

  /** Approving or denying an unknown code is a mistake in the test driving the emulator, so it throws. */
  decide(userCode: string, status: 'approved' | 'denied', now: number): void {
    const deviceCode = this.deviceCodeByUserCode.get(userCode);
    const authorization = deviceCode === undefined ? undefined : this.byDeviceCode.get(deviceCode);
    if (!authorization || authorization.expiresAtMs <= now) {
      throw new Error(`no pending device authorization with user code ${userCode}`);
    }
    authorization.status = status;
  }

  remove(authorization: DeviceAuthorization): void {
    this.byDeviceCode.delete(authorization.deviceCode);
    this.deviceCodeByUserCode.delete(authorization.userCode);
  }

  pending(now: number): { userCode: string; startUrl: string }[] {
    return [...this.byDeviceCode.values()]
      .filter((a) => a.status === 'pending' && a.expiresAtMs > now)
      .map((a) => ({ userCode: a.userCode, startUrl: a.startUrl }));
  }

  sweep(now: number): void {
    for (const authorization of this.byDeviceCode.values()) {
      if (authorization.expiresAtMs + EXPIRED_RETENTION_MS <= now) this.remove(authorization);
    }
  }

  get size(): number {
    return this.byDeviceCode.size;
  }
}
