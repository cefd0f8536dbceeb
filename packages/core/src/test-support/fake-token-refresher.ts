import type { RefreshedToken, RefreshGrant, TokenRefresher } from '../engine/oidc-refresher';
import type { RetrySettings } from '../engine/aws-clients';

export type FakeResponse = (grant: RefreshGrant, call: number) => RefreshedToken | Promise<RefreshedToken>;

/** A TokenRefresher without a network: records every grant and answers with `respond`. */
export class FakeTokenRefresher implements TokenRefresher {
  readonly grants: RefreshGrant[] = [];
  /** The retry settings each call was given. */
  readonly retries: (RetrySettings | undefined)[] = [];
  /** Most refresh() calls running at the same moment. */
  maxConcurrent = 0;
  private active = 0;

  constructor(private readonly respond: FakeResponse) {}

  async refresh(grant: RefreshGrant, _signal?: AbortSignal, retry?: RetrySettings): Promise<RefreshedToken> {
    this.grants.push(grant);
    this.retries.push(retry);
    this.active++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.active);
    try {
      return await this.respond(grant, this.grants.length);
    } finally {
      this.active--;
    }
  }

  destroy(): void {}
}
