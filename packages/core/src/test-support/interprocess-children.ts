import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

export const NOBODY = 65534;
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A scratch folder holding src/interprocess transpiled to CommonJS, so child processes (plain `node`)
 * can require('./session-lock.js') and race for real. World-readable, so a child may run as `nobody`.
 */
export async function compileInterprocess(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'interprocess-'));
  await chmod(dir, 0o755);
  const source = join(__dirname, '..', 'interprocess');
  for (const name of await readdir(source)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const { outputText } = ts.transpileModule(await readFile(join(source, name), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    await writeFile(join(dir, name.replace(/\.ts$/, '.js')), outputText, { mode: 0o644 });
  }
  return dir;
}

/** Runs `node -e script ...args` in `cwd`; stdout is piped for the test to read. */
export function node(cwd: string, script: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['-e', script, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'inherit'],
    ...options,
  });
}

/** Resolves with the child's first stdout line. */
export async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  for await (const chunk of child.stdout!) {
    text += chunk;
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end);
  }
  throw new Error(`child ${child.pid} ended without printing a line`);
}

/** Resolves with the child's exit code once it exits; all of stdout is returned too. */
export async function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  return { code, stdout };
}
