import type { EventType, Severity, SupervisorEvent } from '../supervisor-event.js';

/**
 * The values `contractEvent` uses. `secrets` stand for a token, refresh token, client secret and role
 * credentials, smuggled into events under the names a careless publisher might use: no payload,
 * error or log line may ever contain one. `login` is the code and link only private notifiers show.
 */
export const CONTRACT_VALUES = {
  session: 'contract-session',
  login: {
    userCode: 'CNTR-LGN7',
    verificationUri: 'https://device.contract.example/verify',
    loginUrl: 'http://127.0.0.1:4999/login/contract-session?t=contract-link-token',
  },
  secrets: {
    accessToken: 'contract-access-token-4QF7',
    refreshToken: 'contract-refresh-token-9XZ2',
    clientSecret: 'contract-client-secret-K3PL',
    secretAccessKey: 'contract-secret-access-key-M8RD',
    sessionToken: 'contract-role-session-token-T5WA',
  },
} as const;

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
  'notify.test',
]);

/**
 * A realistic event of the given type (session events name CONTRACT_VALUES.session) with
 * CONTRACT_VALUES.secrets smuggled in as extra properties. login.pending carries CONTRACT_VALUES.login;
 * `withLogin` adds it to any type, to prove public notifiers never see it.
 */
export function contractEvent(type: EventType, withLogin = type === 'login.pending'): SupervisorEvent {
  const session = CONTRACT_VALUES.session;
  const scoped = !SUPERVISOR_WIDE.has(type);
  // Built loosely and cast: `withLogin` puts the login fields on types that never carry them.
  const event = {
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
