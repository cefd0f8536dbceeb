/** How one notification to one notifier ended. `error` is secret-free text. */
export interface DeliveryOutcome {
  notifier: string;
  delivered: boolean;
  attempts: number;
  error?: string;
}
