/**
 * Whether output to `stream` gets colour. FORCE_COLOR wins (`0` or `false` means never), then
 * NO_COLOR, which counts only when non-empty (https://no-color.org), then a dumb terminal; otherwise
 * colour exactly when the stream is a terminal.
 */
export function colourWanted(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
