/**
 * Injection tokens for what has no class of its own. Exported symbols, registered only in the composition
 * root (daemon/compose-daemon.ts); nothing registers itself on import. Classes (Supervisor, Dispatcher,
 * SessionRefresher, ...) are their own tokens.
 */
export const TOKENS = {
  Logger: Symbol('Logger'),
  Clock: Symbol('Clock'),
  /** Every configured notifier, with its routing settings (RoutedNotifier). */
  RoutedNotifier: Symbol('RoutedNotifier'),
  /** Every known notifier plugin (NotifierPlugin). */
  NotifierPlugin: Symbol('NotifierPlugin'),
  /** The config, paths and sessions of the current (re)load (DaemonSetup). */
  Setup: Symbol('Setup'),
  /** The SSO OIDC client every refresh goes through, recording the secrets it sees (TokenRefresher). */
  TokenRefresher: Symbol('TokenRefresher'),
  /** The answers on the daemon's control socket (ControlHandler). */
  ControlHandler: Symbol('ControlHandler'),
} as const;
