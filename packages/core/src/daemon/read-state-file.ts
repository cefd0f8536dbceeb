import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_FILE_NAME, stateFileSchema, type StateFile } from './state-file';

export interface StateFileRead {
  /** null when there is no state file, or it cannot be used. */
  state: StateFile | null;
  /** Why an existing file was ignored. */
  warning?: string;
}

/** The daemon's state file. A corrupt one reads as none, with a warning, because `status` must still work. */
export async function readStateFile(stateDir: string): Promise<StateFileRead> {
  const file = join(stateDir, STATE_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { state: null }
      : { state: null, warning: `${file} cannot be read (${code}); ignored` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: null, warning: `${file} is not valid JSON; ignored` };
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return { state: null, warning: `${file} has an unexpected shape (${where}: ${issue.message}); ignored` };
  }
  return { state: parsed.data };
}
