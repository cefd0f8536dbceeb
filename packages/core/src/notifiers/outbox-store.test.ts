import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisorEvent } from '../events/supervisor-event';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { OutboxStore, OUTBOX_DEFAULTS } from './outbox-store';

const event = (n: number): SupervisorEvent =>
  ({
    type: 'session.reauth_required',
    time: '2026-11-22T09:00:00.000Z',
    severity: 'error',
    session: `s${n}`,
    command: `aws sso login --sso-session s${n}`,
    message: `s${n} needs a login`,
  }) as SupervisorEvent;

describe(OutboxStore.name, () => {
  let dir: string;
  let logger: RecordingLogger;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    logger = new RecordingLogger();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps at most maxEntries, dropping the oldest with a log line', async () => {
    const store = OutboxStore.inStateDir(dir, logger, { maxEntries: 2 });
    [1, 2, 3].forEach((n) => store.add('team', event(n), 0));
    expect(store.list().map((e) => e.event.session)).toEqual(['s2', 's3']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'outbox full, oldest notification dropped',
        fields: { notifier: 'team', event: 'session.reauth_required', session: 's1' },
      }),
    );
    await store.settled();
    expect(OutboxStore.inStateDir(dir, logger).size).toBe(2);
  });

  it('backs off per failed attempt up to maxDelay and gives up after the window, logged', () => {
    const store = OutboxStore.inStateDir(dir, logger, { baseDelay: 10, maxDelay: 35, window: 1000 });
    store.add('team', event(1), 0);
    const names = new Set(['team']);
    expect(store.due(9, names)).toEqual([]);
    const [entry] = store.due(10, names);
    expect(store.claim(entry.id)).toBe(true);
    expect(store.claim(entry.id)).toBe(false);
    expect(store.due(10, names)).toEqual([]);
    store.failed(entry.id, 100);
    expect(store.nextDue(names)).toBe(120);
    store.failed(entry.id, 200);
    expect(store.nextDue(names)).toBe(235);
    expect(store.nextDue(new Set(['other']))).toBeUndefined();
    expect(store.due(1000, names)).toEqual([]);
    expect(store.size).toBe(0);
    expect(logger.lines.map((l) => l.message)).toContain('notification given up after the outbox window');
  });

  it('writes 0600 without login links or stray fields, and starts empty from a malformed file', async () => {
    const store = OutboxStore.inStateDir(dir, logger);
    const leaky = {
      ...event(1),
      userCode: 'ABCD-EFGH',
      accessToken: 'tok-secret-1',
    } as unknown as SupervisorEvent;
    store.add('team', leaky, 0);
    await store.settled();
    const file = join(dir, 'outbox.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toMatch(/ABCD-EFGH|tok-secret-1/);
    writeFileSync(file, '{ not json');
    expect(OutboxStore.inStateDir(dir, logger).size).toBe(0);
    expect(logger.lines.map((l) => l.message)).toContain('outbox malformed; starting empty');
  });

  it('defaults to 200 entries over 24 hours', () => {
    expect(OUTBOX_DEFAULTS).toMatchObject({ maxEntries: 200, window: 24 * 3600_000 });
  });
});
