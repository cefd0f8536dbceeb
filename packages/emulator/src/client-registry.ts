import { randomToken } from './random-token';
import type { ClientMetadata, RegisteredClient } from './registered-client';
import type { SecretLog } from './secret-log';

export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();

  constructor(private readonly secrets: SecretLog) {}

  register(
    issuesRefreshTokens: boolean,
    ttlSeconds: number,
    now: number,
    metadata: ClientMetadata = {},
  ): RegisteredClient {
    const client: RegisteredClient = {
      grantTypes: [],
      redirectUris: [],
      scopes: [],
      ...metadata,
      clientId: randomToken('ecid_', 16),
      clientSecret: randomToken('ecs_', 48),
      issuedAtMs: now,
      expiresAtMs: now + ttlSeconds * 1000,
      issuesRefreshTokens,
    };
    this.clients.set(client.clientId, client);
    this.secrets.record(client.clientSecret);
    return client;
  }

  /** Unknown id, wrong secret and expired registration all look the same to the caller, as with AWS. */
  authenticate(clientId: unknown, clientSecret: unknown, now: number): RegisteredClient | undefined {
    const client = typeof clientId === 'string' ? this.clients.get(clientId) : undefined;
    if (!client || client.clientSecret !== clientSecret || client.expiresAtMs <= now) return undefined;
    return client;
  }

  /** A live registration by id alone, as the authorize endpoint sees it (no secret in a browser URL). */
  find(clientId: unknown, now: number): RegisteredClient | undefined {
    const client = typeof clientId === 'string' ? this.clients.get(clientId) : undefined;
    return client && client.expiresAtMs > now ? client : undefined;
  }

  isLive(clientId: string, now: number): boolean {
    const client = this.clients.get(clientId);
    return client !== undefined && client.expiresAtMs > now;
  }

  /** Expiring an unknown registration is a mistake in the test driving the emulator, so it throws. */
  expire(clientId: string, now: number): void {
    const client = this.clients.get(clientId);
    if (!client) throw new Error(`no client registration ${clientId}`);
    client.expiresAtMs = now;
  }

  sweep(now: number): void {
    for (const [id, client] of this.clients) if (client.expiresAtMs <= now) this.clients.delete(id);
  }

  get size(): number {
    return this.clients.size;
  }
}
