import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NotifierPlugin } from '@sso-supervisor/core';
import { createRoutedNotifiers, parseConfig, webhookNotifier } from '@sso-supervisor/core/daemon';
import { RecordingLogger, requireImporter } from '@sso-supervisor/core/testing';
import { emailNotifier } from '@sso-supervisor/notifier-email';
import { macosNotifier } from '@sso-supervisor/notifier-macos';
import { slackNotifier } from '@sso-supervisor/notifier-slack';

const FILE = resolve(__dirname, '../../supervisor.yaml');
const ENV = {
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
  HOOK_SECRET: 'x',
  DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/1/abc',
};
// The built-in notifier types, as the CLI knows them.
const PLUGINS = [webhookNotifier, slackNotifier, emailNotifier, macosNotifier] as NotifierPlugin[];
const notifierSchemas = Object.fromEntries(PLUGINS.map((plugin) => [plugin.type, plugin.optionsSchema]));

function parse(env: Record<string, string> = ENV) {
  return parseConfig(readFileSync(FILE, 'utf8'), { file: FILE, env, home: '/home/u', notifierSchemas });
}

function config() {
  const parsed = parse().config;
  if (!parsed) throw new Error('examples/supervisor.yaml did not parse');
  return parsed;
}

describe('examples/supervisor.yaml', () => {
  it('parses with no errors and no warnings', () => {
    const { errors, warnings } = parse();
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('supervises dev, staging and prod, each with its own overrides', () => {
    const { sessions, defaults, aws } = config();
    expect(aws).toEqual({ configFile: '/home/u/.aws/config', cacheDir: '/home/u/.aws/sso/cache' });
    expect(defaults).toMatchObject({
      schedule: '* * * * *',
      threshold: 20 * 60_000,
      retry: { attempts: 4, baseDelay: 2_000, maxDelay: 60_000 },
      timeout: 15_000,
    });
    expect(sessions).toEqual([
      expect.objectContaining({ name: 'dev', schedule: '*/5 * * * *' }),
      expect.objectContaining({ name: 'staging', threshold: 30 * 60_000 }),
      expect.objectContaining({
        name: 'prod',
        threshold: 40 * 60_000,
        retry: { attempts: 6, baseDelay: 2_000, maxDelay: 120_000 },
        timeout: 20_000,
      }),
    ]);
  });

  it('routes error events to the team, logins to me, everything to audit, and prod to Discord', () => {
    const [team, me, audit, discord, ...rest] = config().notifiers;
    expect(rest).toEqual([]);
    expect(team).toMatchObject({
      name: 'team',
      type: 'slack',
      private: false,
      events: ['session.reauth_required', 'token.expired', 'config.invalid'],
      options: { webhookUrl: ENV.SLACK_WEBHOOK_URL },
    });
    expect(me).toMatchObject({ name: 'me', type: 'macos', private: true });
    expect(me.events).toBeUndefined();
    expect(audit).toMatchObject({
      name: 'audit',
      type: 'webhook',
      events: ['*'],
      cooldown: 0,
      options: { url: 'https://hooks.example.com/sso', secret: ENV.HOOK_SECRET },
    });
    expect(discord).toMatchObject({
      name: 'discord-oncall',
      module: './custom-notifier/dist/index.js',
      private: false,
      sessions: ['prod'],
      options: { webhookUrl: ENV.DISCORD_WEBHOOK_URL, username: 'sso-supervisor' },
    });
  });

  it('keeps every secret in the environment, naming each variable that is unset', () => {
    const { config: none, errors } = parse({});
    expect(none).toBeNull();
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^notifiers\[0\]\.webhookUrl: .*SLACK_WEBHOOK_URL/),
      expect.stringMatching(/^notifiers\[2\]\.secret: .*HOOK_SECRET/),
      expect.stringMatching(/^notifiers\[3\]\.options\.webhookUrl: .*DISCORD_WEBHOOK_URL/),
    ]);
  });

  it('creates every notifier, loading the Discord one from its built package by path', async () => {
    const logger = new RecordingLogger();
    const deps = { logger, configFile: FILE, importModule: requireImporter };
    const { routed, errors } = await createRoutedNotifiers(config().notifiers, PLUGINS, deps);
    expect(errors).toEqual([]);
    expect(routed.map((r) => r.notifier.name)).toEqual(['team', 'me', 'audit', 'discord-oncall']);
    await Promise.all(routed.map((r) => r.notifier.close?.()));
  });

  it("checks the Discord options with the plugin's own schema", async () => {
    const wrong = parse({ ...ENV, DISCORD_WEBHOOK_URL: ENV.SLACK_WEBHOOK_URL }).config;
    const deps = { logger: new RecordingLogger(), configFile: FILE, importModule: requireImporter };
    const { errors } = await createRoutedNotifiers(wrong?.notifiers ?? [], PLUGINS, deps);
    expect(errors).toEqual([
      'notifiers[3].options.webhookUrl: must be a Discord webhook URL (https://discord.com/api/webhooks/ID/TOKEN)',
    ]);
  });
});
