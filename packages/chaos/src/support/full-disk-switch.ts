import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsFaultPreload } from './fs-fault-preload';
import { runTool } from './run-tool';

export interface FullDiskSwitch {
  /** How the disk is filled on this machine, for the report. */
  mechanism: string;
  /** Node flags and environment the daemon needs (the preload), if any. */
  nodeArgs: string[];
  env: Record<string, string>;
  fill(): Promise<void>;
  free(): Promise<void>;
  /** Unmounts the tmpfs, if one was mounted. */
  close(): Promise<void>;
}

/** Moves the folder's files onto a 64 KiB tmpfs mounted over it; false when mounting is not allowed. */
async function mountTmpfs(dir: string): Promise<boolean> {
  const files = await Promise.all(
    (await readdir(dir)).map(async (n) => ({
      n,
      body: await readFile(join(dir, n)),
      st: await stat(join(dir, n)),
    })),
  );
  if (await runTool('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', dir])) return false;
  for (const f of files) await writeFile(join(dir, f.n), f.body, { mode: f.st.mode & 0o777 });
  return true;
}

/**
 * Fills the disk under the cache folder and frees it again: a real 64 KiB tmpfs when this process may
 * mount one (root), else a `--require` preload that fails writes in that folder with ENOSPC.
 * CHAOS_DISK=tmpfs|preload forces one.
 */
export async function fullDiskSwitch(dir: string, worldDir: string): Promise<FullDiskSwitch> {
  const forced = process.env.CHAOS_DISK;
  if (forced && forced !== 'tmpfs' && forced !== 'preload')
    throw new Error(`CHAOS_DISK must be tmpfs or preload, got ${forced}`);
  const filler = join(dir, 'filler.bin');
  if (forced !== 'preload' && process.getuid?.() === 0 && (await mountTmpfs(dir))) {
    return {
      mechanism: '64 KiB tmpfs',
      nodeArgs: [],
      env: {},
      async fill() {
        const chunk = Buffer.alloc(4096, 0x20);
        for (;;) {
          const error = await appendFile(filler, chunk).then(
            () => null,
            (e: NodeJS.ErrnoException) => e,
          );
          if (error?.code === 'ENOSPC') return;
          if (error) throw error;
        }
      },
      free: () => rm(filler, { force: true }),
      async close() {
        const error = await runTool('umount', ['--lazy', dir]);
        if (error) throw new Error(error);
      },
    };
  }
  if (forced === 'tmpfs') throw new Error('CHAOS_DISK=tmpfs, but a tmpfs cannot be mounted here');
  const preload = fsFaultPreload(dir, worldDir, 'ENOSPC');
  return {
    mechanism: 'ENOSPC injected by a --require preload',
    nodeArgs: preload.nodeArgs,
    env: preload.env,
    fill: preload.on,
    free: preload.off,
    close: async () => {},
  };
}
