/** One step from the old file to the new: a line kept, removed or added (contents without line breaks). */
export type DiffStep =
  { kind: 'keep'; line: string } | { kind: 'remove'; line: string } | { kind: 'add'; line: string };

const CONTEXT = 3;

/**
 * A unified diff (`---`/`+++`, `@@ -a,b +c,d @@` hunks, three lines of context) from steps the rewrite
 * recorded as it went, so no diff algorithm has to guess which lines moved. Empty when nothing changed.
 */
export function renderDiff(steps: readonly DiffStep[], file: string): string {
  const changed = steps.map((s, i) => (s.kind === 'keep' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  // Group changes whose context windows touch.
  const groups: [number, number][] = [];
  for (const i of changed) {
    const last = groups.at(-1);
    if (last && i - last[1] <= CONTEXT * 2) last[1] = i;
    else groups.push([i, i]);
  }
  const out = [`--- ${file}`, `+++ ${file}`];
  for (const [first, lastChange] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(steps.length - 1, lastChange + CONTEXT);
    let oldLine = 1;
    let newLine = 1;
    for (const step of steps.slice(0, from)) {
      if (step.kind !== 'add') oldLine += 1;
      if (step.kind !== 'remove') newLine += 1;
    }
    const hunk = steps.slice(from, to + 1);
    const oldCount = hunk.filter((s) => s.kind !== 'add').length;
    const newCount = hunk.filter((s) => s.kind !== 'remove').length;
    out.push(
      `@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`,
    );
    for (const step of hunk)
      out.push(`${step.kind === 'keep' ? ' ' : step.kind === 'remove' ? '-' : '+'}${step.line}`);
  }
  return `${out.join('\n')}\n`;
}
