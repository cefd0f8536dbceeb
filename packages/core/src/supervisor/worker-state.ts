/** What a worker knows about its session beyond the cache file; persisted in the state file. Secret-free. */
export interface WorkerState {
  name: string | null;
  lastCheck?: string;
  lastRefresh?: string;
  nextCheck?: string;
  consecutiveFailures: number;
  /** Set while the daemon waits for a person: the last outcome that needs one, and since when. */
  state?: 'reauth_required' | 'invalid' | 'failed';
  stateSince?: string;
  lastError?: string;
  /** The access token lapsed during the current failure streak and token.expired was sent. */
  lapsed?: boolean;
  /**
   * With sessionDuration set: when the last interactive login appeared, i.e. the cache file changed and
   * not by our own refresh. The Identity Center session counts from it.
   */
  loginAt?: string;
  /** loginAt plus sessionDuration: when the Identity Center session is expected to end. */
  sessionEndsAt?: string;
}
