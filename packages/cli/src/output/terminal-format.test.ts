import { painter } from './terminal-format';

describe(painter.name, () => {
  it('paints a terminal even where process.stdout is none, unless NO_COLOR is non-empty', () => {
    expect(painter({ isTTY: true }, {})('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter({ isTTY: true }, { NO_COLOR: '' })('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter({ isTTY: true }, { NO_COLOR: '1' })('red', 'x')).toBe('x');
    expect(painter({ isTTY: false }, { FORCE_COLOR: '1' })('red', 'x')).toBe('\u001b[31mx\u001b[39m');
  });
});
