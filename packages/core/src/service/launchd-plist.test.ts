import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchdPlist } from './launchd-plist';

const has = (command: string, args: string[]) => !spawnSync(command, args).error;
const hasPlutil = has('plutil', ['-help']);
const hasPython = has('python3', ['--version']);

const spec = {
  nodePath: '/usr/local/bin/node',
  cliPath: '/Users/u/tools & <things>/it\'s "cli".js',
  configFile: '/Users/u/Library/Application Support/sso-supervisor/supervisor.yaml',
  stateDir: '/Users/u/Library/Application Support/sso-supervisor',
  environment: { AWS_CONFIG_FILE: '/Users/u/.aws/config' },
};

describe(launchdPlist.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchd-plist-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('escapes XML special characters in every value', () => {
    const plist = launchdPlist(spec);
    expect(plist).toContain(
      '<string>/Users/u/tools &amp; &lt;things&gt;/it&apos;s &quot;cli&quot;.js</string>',
    );
    expect(plist).not.toContain('& <');
  });

  (hasPython ? it : it.skip)('parses back (plistlib) to the agent launchd needs', async () => {
    const file = join(dir, 'dev.sso-supervisor.plist');
    await writeFile(file, launchdPlist(spec));
    const script = 'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))';
    const parsed = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(parsed.stderr).toBe('');
    expect(JSON.parse(parsed.stdout)).toEqual({
      Label: 'dev.sso-supervisor',
      ProgramArguments: [spec.nodePath, spec.cliPath, 'run', '--config', spec.configFile],
      EnvironmentVariables: {
        AWS_CONFIG_FILE: '/Users/u/.aws/config',
        SSO_SUPERVISOR_STATE_DIR: spec.stateDir,
      },
      RunAtLoad: true,
      KeepAlive: { SuccessfulExit: false },
      ProcessType: 'Background',
      StandardOutPath: `${spec.stateDir}/launchd.stdout.log`,
      StandardErrorPath: `${spec.stateDir}/launchd.stderr.log`,
    });
  });

  (hasPlutil ? it : it.skip)('passes plutil -lint', async () => {
    const file = join(dir, 'dev.sso-supervisor.plist');
    await writeFile(file, launchdPlist(spec));
    expect(spawnSync('plutil', ['-lint', file]).status).toBe(0);
  });
});
