import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { formatCachedToken } from '../cache/cached-token';
import { defaultConfig, type NotifierEntry } from '../config/supervisor-config';
import { TOKENS } from '../di/tokens';
import { SessionRefresher } from '../engine/session-refresher';
import { EventBus } from '../events/event-bus';
import { SecretRegistry } from '../logging/redaction';
import type { NotifierPlugin } from '../notifiers/notifier-contract';
import { Supervisor } from '../supervisor/supervisor';
import { FakeTokenRefresher } from '../test-support/fake-token-refresher';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import {
  RecordingLogger,
  scriptedNotifier,
  type ScriptedNotifier,
} from '@sso-supervisor/notifier-api/testing';
import { composeDaemon, type DaemonSetup } from './compose-daemon';

const NOW = new Date('2026-11-22T09:00:00.000Z');
const FAR = '0 0 1 1 *';

let dir: string;
let created: ScriptedNotifier[];
const plugin: NotifierPlugin = {
  type: 'memory',
  optionsSchema: z.object({}).passthrough(),
  create: (_options, { name }) => {
    const notifier = scriptedNotifier(name);
    created.push(notifier);
    return notifier;
  },
};

const entry = (name: string, type = 'memory'): NotifierEntry => ({
  name,
  type,
  events: ['*'],
  private: false,
  cooldown: 0,
  options: {},
  path: `notifiers[${name}]`,
});

function setup(notifiers: NotifierEntry[], sessions: string[] = []): DaemonSetup {
  const config = { ...defaultConfig(), notifiers };
  config.defaults = { ...config.defaults, schedule: FAR };
  return {
    config,
    paths: {
      awsConfigFile: join(dir, 'config'),
      cacheDir: dir,
      stateDir: join(dir, 'state'),
    } as DaemonSetup['paths'],
    awsConfig: {} as DaemonSetup['awsConfig'],
    sessions: [],
    supervised: sessions.map((name) => ({ session: sampleSession(dir, name), settings: config.defaults })),
    findings: [],
    warnings: [],
    unmatched: [],
    settingsFor: () => config.defaults,
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'compose-daemon-'));
  created = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(composeDaemon.name, () => {
  it('builds the supervisor on the overridden clock and OIDC client, recording the secrets it sees', async () => {
    const ws = setup([entry('memo')], ['a']);
    await writeFile(
      ws.supervised[0].session.cacheFile,
      formatCachedToken(sampleToken(new Date(NOW.getTime() + 60_000))),
    );
    const fake = new FakeTokenRefresher(() => ({ accessToken: `${SECRET_MARK}-new`, expiresIn: 3600 }));
    const logger = new RecordingLogger();
    const graph = composeDaemon({
      setup: ws,
      plugins: [plugin],
      overrides: { Clock: { now: () => NOW }, TokenRefresher: fake, Logger: logger },
    });
    const { dispatcher, errors } = await graph.load(ws);
    expect(errors).toEqual([]);
    graph.resolve(EventBus).subscribe(dispatcher.handle);
    const supervisor = graph.resolve(Supervisor);
    supervisor.start(ws.supervised);
    await supervisor.checkAll();
    await supervisor.stop(100);
    await dispatcher.close(100);
    expect(fake.grants).toHaveLength(1);
    expect(created[0].delivered.map((e) => e.type)).toEqual(
      expect.arrayContaining(['supervisor.started', 'token.refreshed', 'supervisor.stopped']),
    );
    expect(graph.resolve(SecretRegistry).redact(`${SECRET_MARK}-new`)).not.toContain(SECRET_MARK);
  });

  it('gives each call a graph of its own, and one instance of each part within it', () => {
    const ws = setup([]);
    const overrides = { TokenRefresher: new FakeTokenRefresher(() => ({ accessToken: 'x', expiresIn: 1 })) };
    const one = composeDaemon({
      setup: ws,
      plugins: [],
      overrides: { ...overrides, Logger: new RecordingLogger() },
    });
    const two = composeDaemon({
      setup: ws,
      plugins: [],
      overrides: { ...overrides, Logger: new RecordingLogger() },
    });
    expect(one.resolve(Supervisor)).toBe(one.resolve(Supervisor));
    expect(one.resolve(SessionRefresher)).toBe(one.resolve(SessionRefresher));
    expect(one.resolve(Supervisor)).not.toBe(two.resolve(Supervisor));
    expect(one.resolve(TOKENS.Logger)).not.toBe(two.resolve(TOKENS.Logger));
  });

  it('keeps the dispatcher over a reload that leaves the notifiers alone, and builds a new one otherwise', async () => {
    const graph = composeDaemon({
      setup: setup([entry('memo')]),
      plugins: [plugin],
      overrides: { Logger: new RecordingLogger() },
    });
    const first = await graph.load(setup([entry('memo')]));
    const same = await graph.load(setup([entry('memo')], ['b']));
    expect(same.dispatcher).toBe(first.dispatcher);
    expect(graph.setup.supervised.map((s) => s.session.id)).toEqual(['b']);
    const changed = await graph.load(setup([entry('memo'), entry('other', 'nope')]));
    expect(changed.dispatcher).not.toBe(first.dispatcher);
    expect(changed.errors).toEqual([expect.stringContaining('unknown notifier type "nope"')]);
    expect(created).toHaveLength(2);
  });
});
