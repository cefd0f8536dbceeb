import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { keepYoungGenerationSmall } from './young-generation';

/** The built module, as `run` loads it; a fresh process each, since V8 keeps growth already made. */
const BUILT = join(__dirname, '..', 'dist', 'young-generation.js');

function newSpaceAfterGarbage(setFirst: boolean): number {
  const script = `
    ${setFirst ? `require(${JSON.stringify(BUILT)}).keepYoungGenerationSmall({});` : ''}
    let keep = [];
    for (let i = 0; i < 2e6; i++) { keep.push({ a: i, b: 'x' + i }); if (keep.length > 1000) keep = []; }
    const s = require('node:v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
    process.stdout.write(String(s.space_size));
  `;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe(keepYoungGenerationSmall.name, () => {
  it('keeps the young generation at its first size through a burst of garbage', () => {
    const grown = newSpaceAfterGarbage(false);
    const kept = newSpaceAfterGarbage(true);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(grown / 4);
  });

  it('leaves it to a person who set a semi-space option', () => {
    expect(keepYoungGenerationSmall({ NODE_OPTIONS: '--max-semi-space-size=16' })).toBe(false);
  });
});
