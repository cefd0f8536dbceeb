import { parseConfig } from './parse-config';

const FILE = '/etc/sso/supervisor.yaml';
const parse = (text: string) => parseConfig(text, { file: FILE, env: {}, home: '/home/u' });

// What `run` would trip on, found by the parse every command (validate and run alike) goes through.
describe('what run would trip on, in supervisor.yaml', () => {
  it('refuses a cron that never fires, at its line and column', () => {
    const { config, errors } = parse("version: 1\ndefaults:\n  schedule: '0 0 31 2 *'\n");
    expect(config).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ line: 3, col: 13, path: 'defaults.schedule' })]);
    expect(errors[0].message).toContain('never fires');
  });

  it('warns that a threshold past the token lifetime refreshes at every check, and what that costs', () => {
    const text =
      'version: 1\nsessions:\n  - name: a\n    threshold: 2h\n  - name: b\n    threshold: 1h\n    schedule: "*/5 * * * *"\n';
    const { config, warnings } = parse(text);
    expect(config).not.toBeNull();
    expect(warnings).toEqual([
      expect.objectContaining({ line: 4, col: 16, path: 'sessions[0].threshold' }),
      expect.objectContaining({ line: 6, col: 16, path: 'sessions[1].threshold' }),
    ]);
    expect(warnings[0].message).toMatch(/one-hour lifetime.*about 60 CreateToken calls an hour/);
    expect(warnings[1].message).toContain('about 12 CreateToken calls');
  });

  it('says nothing of a threshold under the lifetime', () => {
    expect(parse('version: 1\ndefaults:\n  threshold: 45m\n').warnings).toEqual([]);
  });
});
