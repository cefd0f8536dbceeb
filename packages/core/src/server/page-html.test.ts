import { humanTime } from '../util/human-time';
import { renderStatusPage } from './page-html';
import type { SessionView } from './status-model';

const time = humanTime({ TZ: 'UTC' }, () => new Date('2026-12-02T10:00:00Z'));

function view(over: Partial<SessionView> & { name: string | null }): SessionView {
  const { name, ...rest } = over;
  return {
    id: name ?? 'legacy:https://x.awsapps.com/start',
    status: {
      name,
      startUrl: 'https://x.awsapps.com/start',
      region: 'us-east-1',
      profiles: ['dev<i>'],
      cacheFile: '/c.json',
      state: 'reauth_required',
      expiresAt: '2026-12-02T09:00:00Z',
      secondsLeft: -3600,
      detail: 'refresh token rejected <InvalidGrant>',
    },
    canLogIn: name !== null,
    loginRunning: false,
    events: [
      {
        type: 'session.reauth_required',
        time: '2026-12-02T09:59:00Z',
        severity: 'error',
        message: '<script>x</script>',
      },
    ],
    ...rest,
  };
}

describe(renderStatusPage.name, () => {
  const render = (sessions: SessionView[]) =>
    renderStatusPage(
      { now: '2026-12-02T10:00:00Z', sessions },
      { base: '/status/KEY', nonce: 'N0NCE', time },
    );

  it('escapes every text it shows; the only script is its own, with the nonce', () => {
    const html = render([view({ name: 'corp' })]);
    expect(html).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(html).toContain('refresh token rejected &#60;InvalidGrant&#62;');
    expect(html).toContain('dev&#60;i&#62;');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="N0NCE">');
    expect(html).toContain('expired 1h00m ago');
  });

  it('offers the button for a session that needs a login, not while one runs or for a legacy profile', () => {
    expect(render([view({ name: 'corp' })])).toContain('action="/status/KEY/login/corp"');
    const running = render([view({ name: 'corp', loginRunning: true, canLogIn: false })]);
    expect(running).not.toContain('<form');
    expect(running).toContain('login in progress');
    expect(render([view({ name: null })])).not.toContain('<form');
  });
});
