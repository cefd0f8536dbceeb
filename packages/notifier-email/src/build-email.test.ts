import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { buildEmail } from './build-email';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

const event = loose({
  type: 'session.reauth_required',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  profiles: ['dev', 'prod'],
  expiresAt: '2026-11-22T09:32:00Z',
  message: 'refresh token rejected <script>alert("x")</script> & more',
  command: 'aws sso login --sso-session corp',
});

describe(buildEmail.name, () => {
  it('puts severity and session in the subject', () => {
    expect(buildEmail(event, '[sso-supervisor]').subject).toBe(
      '[sso-supervisor] [ERROR] corp: Login required',
    );
    expect(buildEmail(event, '').subject).toBe('[ERROR] corp: Login required');
  });

  it('writes a plain-text body with the facts and the fix', () => {
    expect(buildEmail(event, '').text).toBe(
      [
        'refresh token rejected <script>alert("x")</script> & more',
        'Session: corp\nProfiles: dev, prod\nTime left: 12 min',
        'Fix: aws sso login --sso-session corp',
        'error | session.reauth_required | 2026-11-22T09:20:00.000Z',
      ].join('\n\n'),
    );
  });

  it('escapes every value in the HTML body', () => {
    const { html } = buildEmail(loose({ ...event, session: 'a"b' }), '');
    expect(html).toContain(
      '<p>refresh token rejected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>',
    );
    expect(html).toContain('<h2>a&quot;b: Login required</h2>');
    expect(html).not.toContain('<script>');
  });

  it('links the login approval with its code', () => {
    const login = buildEmail(
      loose({
        ...event,
        type: 'login.pending',
        command: undefined,
        verificationUri: 'https://device.example/?a=1&b=2',
        userCode: 'ABCD-EFGH',
      }),
      '',
    );
    expect(login.text).toContain('Approve the login: https://device.example/?a=1&b=2 (code ABCD-EFGH)');
    expect(login.html).toContain(
      '<a href="https://device.example/?a=1&amp;b=2">https://device.example/?a=1&amp;b=2</a> with code <code>ABCD-EFGH</code>',
    );
  });
});
