/**
 * A file's text with our credentials merged in, or why the file is not ours to change. `problem` names
 * lines by number and never quotes them: the file may hold secrets of its own.
 */
export type MergeOutcome = { ok: true; text: string } | { ok: false; problem: string };
