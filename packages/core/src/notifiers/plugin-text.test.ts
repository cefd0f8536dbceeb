import { SecretRegistry } from '../logging/redaction';
import { redactPluginText, secretOptionValues } from './plugin-text';

describe(redactPluginText.name, () => {
  it('blanks a password in a URL and secret query parameters, keeping the rest readable', () => {
    const text = 'connect ECONNREFUSED https://bot:hunter2-pw@chat.example/hook?channel=ops&token=abc123xyz';
    expect(redactPluginText(text)).toBe(
      'connect ECONNREFUSED https://bot:[redacted]@chat.example/hook?channel=ops&token=[redacted]',
    );
  });

  it('blanks the values the host registered as secret', () => {
    const secrets = new SecretRegistry();
    secrets.add('https://discord.example/api/webhooks/1/TOKEN-PART-XYZ');
    expect(redactPluginText('POST https://discord.example/api/webhooks/1/TOKEN-PART-XYZ: 500', secrets)).toBe(
      'POST [redacted]: 500',
    );
  });

  it('leaves plain text alone', () => {
    expect(redactPluginText('HTTP 404 (Unknown Webhook) at https://chat.example/x')).toBe(
      'HTTP 404 (Unknown Webhook) at https://chat.example/x',
    );
  });
});

describe(secretOptionValues.name, () => {
  it('finds URLs and values under secret-looking keys, nested, and nothing else', () => {
    expect(
      secretOptionValues({
        webhookUrl: 'https://hooks.example/T/B/x',
        username: 'sso-supervisor',
        auth: { password: 'p4ssw0rd-long', user: 'me' },
        mirrors: ['smtp://relay.example'],
        retries: 3,
      }),
    ).toEqual(['https://hooks.example/T/B/x', 'p4ssw0rd-long', 'smtp://relay.example']);
  });
});
