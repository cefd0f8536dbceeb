import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@sso-supervisor/core';
import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { Dispatcher, OutboxStore } from '@sso-supervisor/core/daemon';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { createSlackNotifier } from './slack-notifier';

const HOOK_PATH = '/services/T0OUTBOX/B0OUTBOX/hooksecretOutbox7';

const reauth: SupervisorEvent = {
  type: 'session.reauth_required',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  profiles: ['dev'],
  command: 'aws sso login --sso-session corp',
  message: 'corp needs a new login',
};

const entry = {
  name: 'team',
  type: 'slack',
  private: false,
  events: ['*'],
  cooldown: 0,
  options: {},
  path: 'notifiers[0]',
};

/** A Slack stand-in that can go down and come back on the same port, counting the messages it got. */
class SlackStandIn {
  readonly texts: string[] = [];
  private server?: Server;
  port = 0;

  async up(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.texts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).text);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

async function until(condition: () => boolean, limitMs = 10_000): Promise<void> {
  for (const start = Date.now(); !condition() && Date.now() - start < limitMs;)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('an alert during a Slack outage', () => {
  let dir: string;
  let slack: SlackStandIn;
  const logger = new RecordingLogger();
  const policy = { maxEntries: 200, window: 60_000, baseDelay: 300, maxDelay: 600 };
  const retry = { attempts: 2, baseDelay: 10, maxDelay: 20, timeout: 2000 };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slack-outbox-'));
    slack = new SlackStandIn();
    await slack.up();
  });
  afterEach(async () => {
    await slack.down();
    rmSync(dir, { recursive: true, force: true });
  });

  function daemon(outboxPolicy = policy) {
    const outbox = OutboxStore.inStateDir(dir, logger, outboxPolicy);
    const notifier = createSlackNotifier(
      { webhookUrl: `http://127.0.0.1:${slack.port}${HOOK_PATH}` },
      { name: 'team', logger },
    );
    return {
      outbox,
      dispatcher: new Dispatcher([{ notifier, entry }], logger, systemClock, { retry }, outbox),
    };
  }

  it('arrives once after Slack comes back, also across a daemon restart', async () => {
    await slack.down();
    const first = daemon();
    first.dispatcher.handle(reauth);
    await first.dispatcher.flush(10_000);
    expect(first.outbox.size).toBe(1);
    // Kept 0600, as notifiers see it, without the webhook's secret path.
    await first.outbox.settled();
    const file = join(dir, 'outbox.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('"session.reauth_required"');
    expect(readFileSync(file, 'utf8')).not.toContain('hooksecret');
    // The daemon stops while Slack is still down; the next one finds the alert in the state folder.
    await first.dispatcher.close(1000);
    expect(slack.texts).toHaveLength(0);
    const second = daemon();
    expect(second.outbox.size).toBe(1);
    await slack.up();
    await until(() => slack.texts.length > 0 && second.outbox.size === 0);
    expect(slack.texts).toEqual(['[ERROR] corp: Login required: corp needs a new login']);
    // Later attempts and a third daemon find nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, 3 * policy.maxDelay));
    await second.dispatcher.close(1000);
    await second.outbox.settled();
    const third = daemon();
    expect(third.outbox.size).toBe(0);
    await third.dispatcher.close(1000);
    expect(slack.texts).toHaveLength(1);
    expect(logger.text()).not.toContain('hooksecret');
  });

  it('goes out as soon as Slack takes another message', async () => {
    // A back-off far longer than the test: only the delivery of the next message can bring it.
    const { outbox, dispatcher } = daemon({ ...policy, baseDelay: 600_000, maxDelay: 600_000 });
    await slack.down();
    dispatcher.handle(reauth);
    await dispatcher.flush(10_000);
    expect(outbox.size).toBe(1);
    await slack.up();
    dispatcher.handle({
      type: 'token.expired',
      time: reauth.time,
      severity: 'error',
      session: 'corp',
      expiresAt: reauth.time,
      command: reauth.command,
      message: 'corp expired',
    });
    await until(() => slack.texts.length === 2 && outbox.size === 0);
    expect(slack.texts.sort()).toEqual([
      '[ERROR] corp: Login required: corp needs a new login',
      '[ERROR] corp: Token expired: corp expired',
    ]);
    await dispatcher.close(1000);
  });
});
