/** The slice of a winston logger the code depends on, so tests and plugins can pass their own. */
export type { Logger } from '@sso-supervisor/notifier-api';
