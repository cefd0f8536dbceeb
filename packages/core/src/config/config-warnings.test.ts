import { secretExposureWarnings } from './config-warnings';

const TEXT = `version: 1
notifiers:
  - name: team
    type: slack
    webhookUrl: https://hooks.slack.com/services/T0/B0/abc
  - name: audit
    type: webhook
    url: https://hooks.example.com/sso
    secret: \${HOOK_SECRET}
  - name: mail
    type: email
    password: "hunter22"
`;

describe(secretExposureWarnings.name, () => {
  it('names each literal secret, with its line and column, when group or others can read the file', () => {
    const warnings = secretExposureWarnings('/etc/s.yaml', TEXT, 0o100644);
    expect(warnings.map((w) => [w.line, w.col, w.path])).toEqual([
      [5, 5, 'webhookUrl'],
      [12, 5, 'password'],
    ]);
    expect(warnings[0].message).toContain('mode 0644');
    expect(warnings.map((w) => w.message).join('\n')).not.toContain('abc');
  });

  it('says nothing for a file only its owner can read', () => {
    expect(secretExposureWarnings('/etc/s.yaml', TEXT, 0o100600)).toEqual([]);
  });
});
