import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { acquireLock } from './lock-file';

// Each child takes the lock once, prints what it got, and (if it won) holds it until its stdin closes, so
// the test sees real processes race rather than promises in one process.
const CHILD = `
require('./state/lock-file.js').acquireLock(process.argv[1]).then((r) => {
  console.log(JSON.stringify('release' in r ? { won: process.pid } : r));
  process.stdin.on('end', () => ('release' in r ? r.release() : Promise.resolve()).then(() => process.exit(0)));
  process.stdin.resume();
});`;

async function compile(dir: string): Promise<void> {
  // lock-file shares its takeover with the session lock; the children need both folders.
  for (const name of [
    'state/lock-file',
    'interprocess/lock-holder',
    'interprocess/session-lock',
    'interprocess/private-dir',
  ]) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    const source = await readFile(join(__dirname, '..', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    await writeFile(join(dir, `${name}.js`), outputText);
  }
}

async function firstLine(child: ChildProcess): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of child.stdout!) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return JSON.parse(text);
}

describe(`${acquireLock.name} across processes`, () => {
  it('lets exactly one of several processes take over a stale lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acquire-lock-integ-'));
    let children: ChildProcess[] = [];
    try {
      await compile(dir);
      const stateDir = join(dir, 'state-dir');
      await mkdir(stateDir);
      await writeFile(join(stateDir, 'daemon.lock'), `${spawnSync(process.execPath, ['-e', '']).pid}\n`);
      children = Array.from({ length: 6 }, () =>
        spawn(process.execPath, ['-e', CHILD, stateDir], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      const results = await Promise.all(children.map(firstLine));
      const winners = results.filter((r) => 'won' in r);
      expect(winners).toHaveLength(1);
      const holder = winners[0].won;
      expect(results.filter((r) => r.pid === holder)).toHaveLength(5);
      expect(await readFile(join(stateDir, 'daemon.lock'), 'utf8')).toBe(`${holder}\n`);
    } finally {
      for (const child of children) child.stdin!.end();
      await Promise.all(
        children.filter((c) => c.exitCode === null && !c.signalCode).map((c) => once(c, 'exit')),
      );
      await rm(dir, { recursive: true, force: true });
    }
  });
});
