import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { referencedVariables } from './interpolate-env';

/**
 * The `${NAME}`s supervisor.yaml uses, outside comments: a service started by systemd or launchd does
 * not inherit them from the shell that installed it. Empty when the file cannot be read or parsed
 * (loading it reported that already).
 */
export function configVariables(file: string): string[] {
  try {
    return referencedVariables(parse(readFileSync(file, 'utf8')));
  } catch {
    return [];
  }
}
