import { formatIssue } from '@sso-supervisor/core';
import { parseConfig } from '@sso-supervisor/core/daemon';
import { emailOptionsSchema } from './email-notifier';

/** supervisor.yaml with this notifier entry, checked as `validate` and `run` check it. */
function errorsFor(entry: string): string[] {
  const text = `version: 1\nnotifiers:\n  - name: mail\n    type: email\n${entry}`;
  const result = parseConfig(text, {
    file: '/etc/sso/supervisor.yaml',
    env: {},
    home: '/home/u',
    notifierSchemas: { email: emailOptionsSchema },
  });
  return result.errors.map(formatIssue);
}

describe('email notifier options in supervisor.yaml', () => {
  it('with no options, names every required field in one message at the entry', () => {
    expect(errorsFor('')).toEqual([
      '/etc/sso/supervisor.yaml:3:5 notifiers[0]: the email notifier needs host, from, to (missing required fields)',
    ]);
  });

  it('with only `to` missing, says it is missing rather than "Invalid input"', () => {
    expect(errorsFor('    host: smtp.example.com\n    from: sso@example.com\n')).toEqual([
      '/etc/sso/supervisor.yaml:3:5 notifiers[0].to: missing required field',
    ]);
  });
});
