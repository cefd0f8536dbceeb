import { colourWanted } from './colour-choice';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe(colourWanted.name, () => {
  it('colours a terminal and nothing else by default', () => {
    expect(colourWanted(tty, {})).toBe(true);
    expect(colourWanted(pipe, {})).toBe(false);
  });

  it('takes NO_COLOR only when it is non-empty (no-color.org)', () => {
    expect(colourWanted(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('lets FORCE_COLOR colour a pipe and override NO_COLOR; FORCE_COLOR=0 turns colour off', () => {
    expect(colourWanted(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colourWanted(tty, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colourWanted(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourWanted(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('gives a dumb terminal no colour', () => {
    expect(colourWanted(tty, { TERM: 'dumb' })).toBe(false);
  });
});
