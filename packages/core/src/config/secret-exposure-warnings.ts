import type { ConfigIssue } from './config-issue';

// A key whose value is a credential: a literal one in a file others can read is a leak waiting to happen.
const SECRET_LINE = /^(\s*-?\s*)(secret|password|webhookUrl|[A-Za-z]*[Tt]oken)\s*:\s*(?!['"]?\$\{)(['"]?)\S/;

/**
 * Warnings for secrets written literally into a config file that group or others may read. A value taken
 * from the environment (`${NAME}`) is fine wherever the file lives.
 */
export function secretExposureWarnings(file: string, text: string, mode: number): ConfigIssue[] {
  if ((mode & 0o077) === 0) return [];
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  return text.split(/\r?\n/).flatMap((line, i) => {
    const m = SECRET_LINE.exec(line);
    if (!m) return [];
    return [
      {
        file,
        line: i + 1,
        col: m[1].length + 1,
        path: m[2],
        message: `a secret written into a file others can read (mode ${octal}); use \${ENV_VAR} for it, or chmod 600 ${file}`,
      },
    ];
  });
}
