import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { droppedSections, rawSections } from './raw-sections';
import { loadSharedConfigFiles, loadSsoSessionData } from '@smithy/shared-ini-file-loader';

const TEXT = [
  '[default]',
  'region = eu-west-1',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = eu-west-1',
  '  [sso-session a&b]',
  'sso_start_url = https://ab.awsapps.com/start',
  'sso_region = eu-west-1',
  '[profile <dev>]',
  'sso_session = corp',
].join('\n');

describe('raw-sections', () => {
  it('finds every prefixed header with its line and column', () => {
    expect(rawSections(TEXT)).toEqual([
      { kind: 'sso-session', name: 'corp', line: 3, col: 1 },
      { kind: 'sso-session', name: 'a&b', line: 6, col: 3 },
      { kind: 'profile', name: '<dev>', line: 9, col: 1 },
    ]);
  });

  it('warns of exactly the sections the real SDK parser dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raw-sections-'));
    try {
      const file = join(dir, 'config');
      await writeFile(file, TEXT);
      const dropped = droppedSections(file, rawSections(TEXT));
      expect(dropped.map((d) => [d.line, d.col, d.path])).toEqual([
        [6, 3, '[sso-session a&b]'],
        [9, 1, '[profile <dev>]'],
      ]);
      // The SDK's own loader is the judge: what we call dropped is what it left out, and no more.
      // (Our own reader now takes such sections as botocore does, so it cannot be the judge.)
      expect(Object.keys(await loadSsoSessionData({ configFilepath: file }))).toEqual(['corp']);
      const { configFile } = await loadSharedConfigFiles({
        configFilepath: file,
        filepath: join(dir, 'none'),
      });
      expect(Object.keys(configFile)).toEqual(['default', 'sso-session.corp']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
