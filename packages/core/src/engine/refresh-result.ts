export type RefreshOutcome = 'refreshed' | 'skipped' | 'reauth_required' | 'failed' | 'invalid';

/** One session's result of a refresh pass (docs/contract.md, `refresh --json`). Secret-free. */
export interface RefreshResult {
  session: string | null;
  /** The session's stable id (name, or `legacy:<startUrl>`). */
  id: string;
  outcome: RefreshOutcome;
  expiresAt?: string;
  error?: string;
  /** What a person runs, when one must act. */
  command?: string;
}
