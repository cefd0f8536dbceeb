import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FsFaultPreload {
  nodeArgs: string[];
  env: Record<string, string>;
  on(): Promise<void>;
  off(): Promise<void>;
}

/**
 * The `--require` preload that fails file system calls on `dir` with `code` (EROFS or ENOSPC) while switched
 * on, for machines where the real thing (a read-only mount, a small tmpfs) is not allowed.
 */
export function fsFaultPreload(dir: string, flagDir: string, code: 'EROFS' | 'ENOSPC'): FsFaultPreload {
  const flag = join(flagDir, `${code}.flag`);
  return {
    nodeArgs: ['--require', join(__dirname, 'fault-injection-preload.cjs')],
    env: { CHAOS_FAULT_DIR: dir, CHAOS_FAULT_FLAG: flag, CHAOS_FAULT_CODE: code },
    on: () => writeFile(flag, ''),
    off: () => rm(flag, { force: true }),
  };
}
