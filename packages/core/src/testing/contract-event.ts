import type { EventType, Severity } from '../events/event-types';
import type { SupervisorEvent } from '../events/supervisor-event';
import { CONTRACT_VALUES } from './contract-values';

const SEVERITY: Partial<Record<EventType, Severity>> = {
  'token.refresh_failed': 'warning',
  'session.ending': 'warning',
  'config.invalid': 'error',
  'token.expired': 'error',
  'session.reauth_required': 'error',
};
const SUPERVISOR_WIDE = new Set<EventType>([
  'supervisor.started',
  'supervisor.stopped',
  'config.reloaded',
  'config.invalid',
]);

/**
 * A realistic event of the given type (session events name CONTRACT_VALUES.session) with
 * CONTRACT_VALUES.secrets smuggled in as extra properties. login.pending carries CONTRACT_VALUES.login;
 * `withLogin` adds it to any type, to prove public notifiers never see it.
 */
export function contractEvent(type: EventType, withLogin = type === 'login.pending'): SupervisorEvent {
  const session = CONTRACT_VALUES.session;
  const scoped = !SUPERVISOR_WIDE.has(type);
  const event: SupervisorEvent = {
    type,
    time: '2026-11-22T09:20:00.000Z',
    severity: SEVERITY[type] ?? 'info',
    ...(scoped && {
      session,
      profiles: ['contract-dev', 'contract-prod'],
      expiresAt: '2026-11-22T09:45:00Z',
      command: `aws sso login --sso-session ${session}`,
    }),
    message: scoped ? `${session} ${type.replace(/[._]/g, ' ')}` : `supervisor ${type.replace(/[._]/g, ' ')}`,
    ...(type === 'token.refresh_failed' && { error: 'InternalServerException after 4 attempts' }),
    ...(type === 'config.invalid' && { errors: ['supervisor.yaml:3:5 defaults.threshold: not a duration'] }),
    ...(withLogin && CONTRACT_VALUES.login),
  };
  return { ...event, ...CONTRACT_VALUES.secrets } as SupervisorEvent;
}
