/**
 * Injection tokens. Exported symbols, registered only in the CLI's composition root;
 * nothing registers itself on import.
 */
export const TOKENS = {
  Logger: Symbol('Logger'),
  Clock: Symbol('Clock'),
  /** Every configured notifier, with its routing settings (RoutedNotifier). */
  RoutedNotifier: Symbol('RoutedNotifier'),
  /** Every known notifier plugin (NotifierPlugin). */
  NotifierPlugin: Symbol('NotifierPlugin'),
} as const;
