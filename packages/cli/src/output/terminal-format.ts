import { styleText } from 'node:util';
import { colourWanted } from '@sso-supervisor/core/setup';

type Style = Parameters<typeof styleText>[0];

/**
 * Colour as colourWanted decides for this stream and environment. styleText's own check is off: it looks at
 * process.stdout and process.env, and counts an empty NO_COLOR as set.
 */
export function painter(stream: { isTTY?: boolean }, env: Record<string, string | undefined>) {
  const enabled = colourWanted(stream, env);
  return (style: Style, text: string): string =>
    enabled ? styleText(style, text, { validateStream: false }) : text;
}

export type Paint = ReturnType<typeof painter>;
