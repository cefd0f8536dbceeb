import { TextLines } from './text-lines';

describe(TextLines.name, () => {
  it.each([
    ['', 0, '\n'],
    ['a', 1, '\n'],
    ['a\r\nb\nc', 3, '\r\n'],
    ['\uFEFFa\n\n', 2, '\n'],
  ])('gives %j back byte for byte', (text, count, eol) => {
    const lines = TextLines.parse(text);
    expect(lines.lines).toHaveLength(count);
    expect(lines.eol).toBe(eol);
    expect(lines.toString()).toBe(text);
  });

  it('keeps the byte order mark out of the first line', () => {
    expect(TextLines.parse('\uFEFFA=1\n').lines[0].content).toBe('A=1');
  });

  it("ends lines of its own with the file's line break, and a last line once lines follow it", () => {
    const file = TextLines.parse('\uFEFFa\r\nb');
    expect(file.with([...file.lines, ...file.fresh(['c'])]).toString()).toBe('\uFEFFa\r\nb\r\nc\r\n');
    expect(file.with(file.lines.slice(1)).toString()).toBe('\uFEFFb');
  });
});
