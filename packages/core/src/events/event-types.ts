export const EVENT_TYPES = [
  'supervisor.started',
  'supervisor.stopped',
  'token.refreshed',
  'token.refresh_failed',
  'token.expired',
  'session.reauth_required',
  'session.restored',
  'session.ending',
  'login.pending',
  'config.reloaded',
  'config.invalid',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type Severity = 'info' | 'warning' | 'error';
