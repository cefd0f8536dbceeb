import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { buildDiscordMessage } from './build-discord-message';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

const failed = loose({
  type: 'token.refresh_failed',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'warning',
  session: 'team_a',
  profiles: ['team_a-dev'],
  expiresAt: '2026-11-22T09:38:00Z',
  message: 'team_a refresh failed; *retrying* at 09:21',
  error: 'InternalServerException after 4 attempts',
});

describe(buildDiscordMessage.name, () => {
  it('colours by severity and escapes Markdown in the text, not in the title', () => {
    const { content, embeds } = buildDiscordMessage(failed);
    expect(content).toBe('[WARNING] team\\_a: Refresh failed');
    expect(embeds).toEqual([
      {
        title: 'team_a: Refresh failed',
        description: 'team\\_a refresh failed; \\*retrying\\* at 09:21',
        color: 0xfee75c,
        fields: [
          { name: 'Session', value: 'team\\_a', inline: true },
          { name: 'Profiles', value: 'team\\_a-dev', inline: true },
          { name: 'Expires', value: '<t:1795340280:R>', inline: true },
          { name: 'Error', value: 'InternalServerException after 4 attempts', inline: false },
        ],
        footer: { text: 'sso-supervisor | token.refresh_failed' },
        timestamp: '2026-11-22T09:20:00.000Z',
      },
    ]);
  });

  it('shows the login link and code it is given', () => {
    const { embeds } = buildDiscordMessage({
      type: 'login.pending',
      time: '2026-11-22T09:20:00.000Z',
      severity: 'info',
      session: 'prod',
      message: 'prod login waiting for approval',
      verificationUri: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
      userCode: 'ABCD-EFGH',
    });
    expect(embeds[0].color).toBe(0x57f287);
    expect(embeds[0].fields).toEqual([
      { name: 'Session', value: 'prod', inline: true },
      {
        name: 'Approve the login',
        value: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
        inline: false,
      },
      { name: 'Code', value: '`ABCD-EFGH`', inline: true },
    ]);
  });

  it('names a legacy profile by its profiles, and a supervisor-wide event by what happened', () => {
    const legacy = buildDiscordMessage(loose({ ...failed, session: null, profiles: ['old-admin'] }));
    expect(legacy.embeds[0].title).toBe('old-admin: Refresh failed');
    const invalid = buildDiscordMessage({
      type: 'config.invalid',
      time: '2026-11-22T09:20:00.000Z',
      severity: 'error',
      message: 'supervisor.yaml is invalid; keeping the previous config',
      errors: [
        'supervisor.yaml:3:5 defaults.threshold: not a duration',
        'supervisor.yaml:9:7 log.level: bad',
      ],
    });
    expect(invalid.embeds[0].title).toBe('Config invalid');
    expect(invalid.embeds[0].fields).toEqual([
      {
        name: 'Problems',
        value: 'supervisor.yaml:3:5 defaults.threshold: not a duration\nsupervisor.yaml:9:7 log.level: bad',
        inline: false,
      },
    ]);
  });

  it('stays within the limits Discord enforces, whatever the event holds', () => {
    const huge = 'x'.repeat(9000);
    const { embeds } = buildDiscordMessage(
      loose({
        ...failed,
        session: huge,
        profiles: [huge],
        message: huge,
        error: huge,
        errors: [huge],
        command: huge,
        verificationUri: huge,
        userCode: huge,
      }),
    );
    const [embed] = embeds;
    expect(embed.title).toHaveLength(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    for (const field of embed.fields) expect(field.value.length).toBeLessThanOrEqual(1024);
    const total = embed.fields.reduce(
      (sum, f) => sum + f.name.length + f.value.length,
      embed.title.length + embed.description.length + embed.footer.text.length,
    );
    expect(total).toBeLessThanOrEqual(6000);
    expect(embed.description.endsWith('...')).toBe(true);
  });
});
