import type { NotifierEntry } from '../config/supervisor-config';
import type { Notifier } from './notifier';

/** A created notifier with the config entry that routes events to it (filters, privacy, cooldown). */
export interface RoutedNotifier {
  notifier: Notifier;
  entry: NotifierEntry;
}
