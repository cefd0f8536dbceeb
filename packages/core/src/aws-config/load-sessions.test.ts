import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSessions } from './load-sessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-load-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(loadSessions.name, () => {
  it('reads a config file into sessions, findings naming that file', async () => {
    const file = join(dir, 'config');
    await writeFile(
      file,
      [
        '[profile dev]',
        'sso_session = corp # inline comment',
        '[profile stray]',
        'sso_session = nowhere',
        '[sso-session corp]',
        'sso_start_url = https://d-123.awsapps.com/start',
        'sso_region = us-east-1',
      ].join('\n'),
    );
    const { sessions, findings } = await loadSessions(file, join(dir, 'cache'));
    expect(sessions.map((s) => [s.id, s.profiles, s.cacheFile])).toEqual([
      ['corp', ['dev'], join(dir, 'cache', 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json')],
    ]);
    expect(findings).toEqual([
      {
        severity: 'error',
        file,
        section: 'profile stray',
        field: 'sso_session',
        message: 'names sso-session "nowhere", which is not in this file',
      },
    ]);
  });
});
