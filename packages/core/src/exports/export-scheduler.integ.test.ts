import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { defaultConfig, type ExportEntry } from '../config/supervisor-config';
import { buildSetup, type Setup } from '../setup/load-setup';
import type { SupervisorEvent } from '../events/supervisor-event';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { systemClock } from '../util/clock';
import { ExportScheduler } from './export-scheduler';
import { planExports } from './plan-exports';

const FAST = {
  ...defaultConfig().defaults,
  retry: { attempts: 1, baseDelay: 10, maxDelay: 10 },
  timeout: 2000,
};

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(ExportScheduler.name, () => {
  let emulator: Emulator;
  let dir: string;
  let home: SsoHome;
  let setup: Setup;
  let logger: RecordingLogger;
  let events: SupervisorEvent[];
  let scheduler: ExportScheduler;
  const restoreEnv = saveEnv();
  const entry = (
    at: number,
    profile: string,
    path: string,
    more: Partial<ExportEntry> = {},
  ): ExportEntry => ({
    profile,
    path: join(dir, path),
    format: 'dotenv',
    renewBefore: 3000,
    at: `exports[${at}]`,
    ...more,
  });
  const exported = () => logger.lines.filter((l) => l.message === 'credentials exported');

  beforeAll(async () => {
    emulator = await startEmulator({ roleCredentialTtlSeconds: 6 });
    Object.assign(process.env, emulator.env());
  });
  afterAll(async () => {
    restoreEnv();
    await emulator.close();
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-scheduler-'));
    home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev', 'prod'] },
      { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
    ]);
    const paths = { awsConfigFile: home.configFile, cacheDir: home.cacheDir, stateDir: join(dir, 'state') };
    setup = await buildSetup({ ...defaultConfig(), defaults: FAST }, paths);
    logger = new RecordingLogger();
    events = [];
    scheduler = new ExportScheduler({
      publish: (e) => events.push(e),
      logger,
      clock: systemClock,
      retry: { first: 200, max: 400 },
    });
  });
  afterEach(async () => {
    await scheduler.stop();
    const outputs = logger.text() + JSON.stringify(events);
    expect(emulator.issuedSecrets().filter((s) => outputs.includes(s))).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes at once, then renews before `renewBefore` is left, keeping the rest of the file', async () => {
    await writeFile(join(dir, '.env'), '# app\nPORT=3000\n');
    scheduler.apply(planExports([entry(0, 'dev', '.env')], setup));
    await until(() => exported().length >= 3);
    const text = await readFile(join(dir, '.env'), 'utf8');
    expect(text).toMatch(
      /^# app\nPORT=3000\nAWS_ACCESS_KEY_ID=ASIA\w+\nAWS_SECRET_ACCESS_KEY=.+\nAWS_SESSION_TOKEN=.+\nAWS_CREDENTIAL_EXPIRATION=.+\n$/,
    );
    const expiry = Date.parse(/AWS_CREDENTIAL_EXPIRATION=(.+)/.exec(text)![1]);
    expect(expiry - Date.now()).toBeGreaterThan(2000);
    const keys = exported().map((l) => l.fields?.expiresAt);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events).toEqual([]);
  });

  it('reports a file it may not change once, leaves it alone, and writes it once it is fixed', async () => {
    const file = join(dir, '.env');
    await writeFile(file, 'A=1\nnot dotenv at all\n');
    scheduler.apply(planExports([entry(0, 'dev', '.env')], setup));
    await until(() => logger.lines.some((l) => l.message === 'credentials still not exported'));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'token.refresh_failed',
        severity: 'error',
        session: 'corp',
        profiles: ['dev'],
        error: `${file}: line 2 is not KEY=value, a comment or a blank line`,
      }),
    ]);
    expect(await readFile(file, 'utf8')).toBe('A=1\nnot dotenv at all\n');
    await writeFile(file, 'A=1\n# fixed\n');
    await until(() => exported().length === 1);
    expect(await readFile(file, 'utf8')).toMatch(/^A=1\n# fixed\nAWS_ACCESS_KEY_ID=/);
  });

  it('tells a person to log in when the session has no token, and reports plan problems once', async () => {
    const plan = planExports([entry(0, 'sandbox', 'sandbox.env'), entry(1, 'nope', 'nope.env')], setup);
    scheduler.apply(plan);
    scheduler.apply(plan);
    await until(() => events.length === 2);
    expect(events).toEqual([
      expect.objectContaining({
        severity: 'error',
        error: expect.stringContaining('exports[1].profile: profile "nope"'),
      }),
      expect.objectContaining({
        session: 'nobody',
        severity: 'error',
        command: 'aws sso login --sso-session nobody',
        error: expect.stringMatching(/sandbox\.env: no cached SSO token/),
      }),
    ]);
  });

  it('keeps an unchanged job on a new plan, and stops one the plan drops', async () => {
    const both = planExports([entry(0, 'dev', 'a.env'), entry(1, 'prod', 'b.env')], setup);
    scheduler.apply(both);
    await until(() => exported().length === 2);
    scheduler.apply(planExports([entry(0, 'dev', 'a.env')], setup));
    const b = await readFile(join(dir, 'b.env'), 'utf8');
    await until(() => exported().filter((l) => l.fields?.file === join(dir, 'a.env')).length >= 3);
    expect(await readFile(join(dir, 'b.env'), 'utf8')).toBe(b);
    // A restarted job would have run at once and found its credentials still current in the role cache.
    expect(logger.lines.filter((l) => l.message === 'exported credentials still current')).toEqual([]);
  });

  it('writes two sections of one credentials file without losing either', async () => {
    const file = join(dir, 'credentials');
    await writeFile(file, '[default]\r\naws_access_key_id = AKIAKEEP\r\n');
    const creds = { format: 'credentials' as const, path: file };
    scheduler.apply(
      planExports(
        [
          entry(0, 'dev', '', { ...creds, section: 'dev' }),
          entry(1, 'prod', '', { ...creds, section: 'prod' }),
        ],
        setup,
      ),
    );
    await until(() => exported().length >= 2);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('[default]\r\naws_access_key_id = AKIAKEEP\r\n\r\n[')).toBe(true);
    expect(text.match(/^\[(dev|prod)\]\r$/gm)?.sort()).toEqual(['[dev]\r', '[prod]\r']);
    expect(text.match(/^aws_session_token = /gm)).toHaveLength(2);
  });
});
