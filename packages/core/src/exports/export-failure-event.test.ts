import type { ExportEntry } from '../config/supervisor-config';
import { sampleSession } from '../test-support/sample-session';
import { exportFailureEvent } from './export-failure-event';

const ENTRY: ExportEntry = {
  profile: 'dev',
  path: '/srv/app/.env.local',
  format: 'dotenv',
  renewBefore: 600_000,
  at: 'exports[0]',
};
const NOW = new Date('2026-11-22T09:00:00.000Z');

describe(exportFailureEvent.name, () => {
  it('is token.refresh_failed naming the file, the profile and its session, with the command to run', () => {
    const session = sampleSession('/home/u/.aws/sso/cache', 'corp');
    const event = exportFailureEvent(
      { entry: ENTRY, session, problem: 'run aws sso login', severity: 'error', command: 'aws sso login' },
      NOW,
    );
    expect(event).toEqual({
      type: 'token.refresh_failed',
      time: '2026-11-22T09:00:00.000Z',
      severity: 'error',
      session: 'corp',
      profiles: ['dev'],
      message: 'credentials for profile dev not written to /srv/app/.env.local: run aws sso login',
      error: '/srv/app/.env.local: run aws sso login',
      command: 'aws sso login',
    });
  });

  it('has no session for a problem found before the profile was resolved', () => {
    const event = exportFailureEvent({ entry: ENTRY, problem: 'x', severity: 'warning' }, NOW);
    expect(event).not.toHaveProperty('session');
    expect(event).not.toHaveProperty('command');
    expect(event.severity).toBe('warning');
  });
});
