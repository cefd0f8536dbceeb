import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { buildSlackMessage } from './build-slack-message';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

const reauth = loose({
  type: 'session.reauth_required',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  profiles: ['dev', 'prod'],
  expiresAt: '2026-11-22T09:32:00Z',
  message: 'refresh token rejected <InvalidGrant> & no way back',
  command: 'aws sso login --sso-session corp',
});

describe(buildSlackMessage.name, () => {
  it('says what happened, to which session and profiles, the time left and the fix', () => {
    const message = buildSlackMessage(reauth);
    expect(message.text).toBe(
      '[ERROR] corp: Login required: refresh token rejected &lt;InvalidGrant&gt; &amp; no way back',
    );
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'corp: Login required' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'refresh token rejected &lt;InvalidGrant&gt; &amp; no way back' },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Session*\ncorp' },
          { type: 'mrkdwn', text: '*Profiles*\ndev, prod' },
          { type: 'mrkdwn', text: '*Time left*\n12 min' },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*Fix:* `aws sso login --sso-session corp`' } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'error | session.reauth_required | <!date^1795339200^{date_short_pretty} {time}|2026-11-22T09:20:00.000Z>',
          },
        ],
      },
    ]);
  });

  it('links the login approval and shows the code', () => {
    const message = buildSlackMessage(
      loose({
        ...reauth,
        type: 'login.pending',
        severity: 'info',
        command: undefined,
        verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
        userCode: 'ABCD-EFGH',
      }),
    );
    expect(message.blocks).toContainEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Approve the login:* <https://device.sso.us-east-1.amazonaws.com/|https://device.sso.us-east-1.amazonaws.com/>\n*Code:* `ABCD-EFGH`',
      },
    });
  });

  it('escapes the text fallback, so a message cannot mention a channel', () => {
    const message = buildSlackMessage(
      loose({ ...reauth, session: '<!here>', message: '<!channel> & <@U1>' }),
    );
    expect(message.text).toBe('[ERROR] &lt;!here&gt;: Login required: &lt;!channel&gt; &amp; &lt;@U1&gt;');
    // The header is plain_text, where Slack parses no mentions; everything after it is mrkdwn.
    expect(JSON.stringify(message.blocks?.slice(1))).not.toMatch(/<!here>|<!channel>|<@U1>/);
  });

  it('keeps within Block Kit limits', () => {
    const message = buildSlackMessage(
      loose({ ...reauth, session: 's'.repeat(200), message: 'm'.repeat(5000) }),
    );
    const [header, section] = message.blocks as { text: { text: string } }[];
    expect(header.text.text).toHaveLength(150);
    expect(section.text.text).toHaveLength(3000);
  });
});
