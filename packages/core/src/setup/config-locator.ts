import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue } from '../config/config-issues';
import { locateNode } from '../config/locate-node';

/** `notifiers[2].options.url` -> ['notifiers', 2, 'options', 'url']. */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)].map(([, index, quoted, key]) =>
    index !== undefined ? Number(index) : quoted !== undefined ? JSON.parse(`"${quoted}"`) : key,
  );
}

/**
 * Places issues found after parsing (a notifier that cannot load, an export's folder) at the line and
 * column of the field in supervisor.yaml, as the parser's own issues are. No file: issues stay unplaced.
 */
export async function configLocator(
  file: string | null,
): Promise<(path: string, message: string) => ConfigIssue> {
  const text = file === null ? null : await readFile(file, 'utf8').catch(() => null);
  if (text === null) return (path, message) => ({ file, path, message });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path, message) => {
    const offset = locateNode(doc, pathSegments(path));
    if (offset === undefined) return { file, path, message };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col, path, message };
  };
}
