import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function painter(stream: { isTTY?: boolean }, env: Record<string, string | undefined>) {
  const enabled = Boolean(stream.isTTY) && !env.NO_COLOR;
  return (style: Style, text: string): string => (enabled ? styleText(style, text) : text);
}

export type Paint = ReturnType<typeof painter>;
