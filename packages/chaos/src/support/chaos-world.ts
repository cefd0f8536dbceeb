import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCaptureServer, type CaptureServer } from '@sso-supervisor/core/testing';
import type { Emulator, EmulatorOptions, SsoHome, SsoHomeSession } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { chaosConfig, type ChaosConfigOptions } from './chaos-config';
import { DaemonProcess, type DaemonLaunch, runCli, type CliRun } from '@sso-supervisor/cli/testing';

export interface WorldOptions {
  sessions: SsoHomeSession[];
  emulator?: EmulatorOptions;
  config?: Omit<ChaosConfigOptions, 'webhookUrl'>;
}

export interface DeliveredEvent {
  type: string;
  session?: string | null;
  message: string;
  [key: string]: unknown;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])),
  );
  return nested.flat();
}

/**
 * One throw-away world: the emulator, a HOME laid out by `aws sso login`, a supervisor.yaml, a state
 * folder and a webhook receiver. It remembers every byte the product produced there, for the secret scan.
 */
export class ChaosWorld {
  private readonly daemons: DaemonProcess[] = [];
  private readonly cliRuns: CliRun[] = [];

  private constructor(
    private readonly world: World,
    readonly capture: CaptureServer,
    readonly hookSecret: string,
  ) {}

  get dir(): string {
    return this.world.dir;
  }
  get emulator(): Emulator {
    return this.world.emulator;
  }
  get home(): SsoHome {
    return this.world.home;
  }
  get stateDir(): string {
    return this.world.stateDir;
  }
  get configFile(): string {
    return this.world.configFile;
  }

  static async create(label: string, options: WorldOptions): Promise<ChaosWorld> {
    const hookSecret = `whsec_${randomBytes(24).toString('hex')}`;
    const world = await createWorld({
      prefix: `chaos-${label}-`,
      sessions: options.sessions,
      emulator: { accessTokenTtlSeconds: 10, ...options.emulator },
      env: { CHAOS_HOOK_SECRET: hookSecret, NO_COLOR: '1' },
    });
    const capture = await startCaptureServer();
    const chaos = new ChaosWorld(world, capture, hookSecret);
    await chaos.writeConfig(options.config);
    return chaos;
  }

  get env(): Record<string, string> {
    return { ...this.world.env };
  }

  writeConfig(config: WorldOptions['config'] = {}): Promise<void> {
    return this.world.writeConfig(chaosConfig({ ...config, webhookUrl: this.capture.url }));
  }

  startDaemon(launch: Partial<DaemonLaunch> = {}): DaemonProcess {
    const daemon = new DaemonProcess({ cwd: this.dir, ...launch, env: { ...this.env, ...launch.env } });
    this.daemons.push(daemon);
    return daemon;
  }

  async cli(args: string[], env: Record<string, string> = this.env): Promise<CliRun> {
    const run = await runCli(args, env, { cwd: this.dir });
    this.cliRuns.push(run);
    return run;
  }

  /** Events the webhook received, in order; `type` narrows them. */
  deliveries(type?: string, session?: string | null): DeliveredEvent[] {
    return this.capture.requests
      .map((r) => JSON.parse(r.body) as DeliveredEvent)
      .filter(
        (e) => (type === undefined || e.type === type) && (session === undefined || e.session === session),
      );
  }

  /** Everything the product wrote outside the token cache: process output, CLI output, webhooks, state and logs. */
  async produced(): Promise<{ source: string; text: string }[]> {
    const out = this.daemons.flatMap((d, i) => [
      { source: `daemon ${i} stdout`, text: d.stdout },
      { source: `daemon ${i} stderr`, text: d.stderr },
    ]);
    this.cliRuns.forEach((r, i) =>
      out.push({ source: `cli ${i} stdout`, text: r.stdout }, { source: `cli ${i} stderr`, text: r.stderr }),
    );
    this.capture.requests.forEach((r, i) =>
      out.push({ source: `webhook ${i}`, text: `${r.path}\n${JSON.stringify(r.headers)}\n${r.body}` }),
    );
    for (const file of await filesUnder(this.stateDir))
      out.push({ source: file, text: await readFile(file, 'latin1') });
    return out;
  }

  /** Every issued secret (and the webhook secret) found in what the product produced, as `where: prefix…`. */
  async leaks(): Promise<string[]> {
    const secrets = [...this.emulator.issuedSecrets(), this.hookSecret];
    const hits: string[] = [];
    for (const { source, text } of await this.produced()) {
      for (const s of secrets) if (text.includes(s)) hits.push(`${source}: ${s.slice(0, 8)}…`);
    }
    return hits;
  }

  /** Stops what still runs (SIGTERM, then SIGKILL), closes the servers and removes the folder. */
  async close(): Promise<void> {
    await Promise.all(this.daemons.map((d) => d.stop()));
    await this.capture.close();
    await this.world.close();
  }
}
