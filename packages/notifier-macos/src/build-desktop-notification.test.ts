import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { buildDesktopNotification } from './build-desktop-notification';

const options = { sound: true, appName: 'sso-supervisor' };
const login: SupervisorEvent = {
  type: 'login.pending',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'info',
  session: 'corp',
  message: 'corp waits for a login',
  verificationUri: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
  userCode: 'ABCD-EFGH',
};
const failed: SupervisorEvent = {
  type: 'token.refresh_failed',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'warning',
  session: 'corp',
  message: 'refresh failed <InternalServer> & retrying',
  command: 'sso-supervisor refresh corp',
};

describe(buildDesktopNotification.name, () => {
  it('on macOS opens the approval page when a login notification is clicked, without waiting', () => {
    expect(buildDesktopNotification(login, options, 'darwin')).toEqual({
      title: 'corp: Login waiting for approval',
      subtitle: 'sso-supervisor',
      message: `corp waits for a login. Approve at ${login.verificationUri} with code ABCD-EFGH`,
      sound: false,
      open: login.verificationUri,
      wait: false,
      timeout: false,
    });
  });

  it('on macOS plays a sound for warnings unless turned off, and has nothing to open', () => {
    const notification = buildDesktopNotification(failed, options, 'darwin');
    expect(notification).toMatchObject({
      sound: true,
      message: 'refresh failed <InternalServer> & retrying. Run: sso-supervisor refresh corp',
    });
    expect(notification).not.toHaveProperty('open');
    expect(buildDesktopNotification(failed, { ...options, sound: false }, 'darwin').sound).toBe(false);
  });

  it('on Linux escapes markup, sets urgency and keeps logins and errors on screen', () => {
    expect(buildDesktopNotification(failed, options, 'linux')).toEqual({
      title: 'corp: Refresh failed',
      message: 'refresh failed &lt;InternalServer&gt; &amp; retrying. Run: sso-supervisor refresh corp',
      urgency: 'normal',
      'app-name': 'sso-supervisor',
      timeout: 10,
    });
    expect(buildDesktopNotification(login, options, 'linux')).toMatchObject({ urgency: 'low', timeout: 0 });
    expect(buildDesktopNotification({ ...failed, severity: 'error' }, options, 'linux')).toMatchObject({
      urgency: 'critical',
      timeout: 0,
    });
  });

  it('a one-time login link: clicked open on macOS, in the text on Linux', () => {
    const link = 'http://127.0.0.1:4123/login/corp?t=abc';
    const reauth: SupervisorEvent = {
      type: 'session.reauth_required',
      time: '2026-11-22T09:20:00.000Z',
      severity: 'error',
      session: 'corp',
      message: 'corp needs a login',
      command: 'aws sso login --sso-session corp',
      loginUrl: link,
    };
    expect(buildDesktopNotification(reauth, options, 'darwin')).toMatchObject({
      open: link,
      message: `corp needs a login. Log in at ${link}`,
    });
    expect(buildDesktopNotification(reauth, options, 'linux')).toMatchObject({
      message: `corp needs a login. Log in at ${link}`,
      timeout: 0,
    });
  });
});
