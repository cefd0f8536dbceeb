/** One line of a file and the line break that ended it ('' for a last line without one). */
interface Line {
  content: string;
  eol: string;
}

const BOM = '\uFEFF';

/**
 * A text file as lines that keep their own line breaks, so a merge can change some lines and give every
 * other one back byte for byte: CRLF or LF per line, a byte order mark, a missing final newline.
 */
export class TextLines {
  private constructor(
    private readonly bom: string,
    readonly lines: readonly Line[],
    /** The file's line break, for lines we add: its first one, else LF. */
    readonly eol: string,
  ) {}

  static parse(text: string): TextLines {
    const bom = text.startsWith(BOM) ? BOM : '';
    const body = text.slice(bom.length);
    const lines: Line[] = [];
    const breaks = /\r?\n/g;
    let start = 0;
    for (let m = breaks.exec(body); m; m = breaks.exec(body)) {
      lines.push({ content: body.slice(start, m.index), eol: m[0] });
      start = m.index + m[0].length;
    }
    if (start < body.length) lines.push({ content: body.slice(start), eol: '' });
    return new TextLines(bom, lines, lines[0]?.eol || '\n');
  }

  /** Lines of our own, each ended with the file's line break. */
  fresh(contents: readonly string[]): Line[] {
    return contents.map((content) => ({ content, eol: this.eol }));
  }

  /** The same file with other lines; a last line that had no line break gets one if lines now follow it. */
  with(lines: readonly Line[]): TextLines {
    const ended = lines.map((line, i) =>
      i < lines.length - 1 && line.eol === '' ? { ...line, eol: this.eol } : line,
    );
    return new TextLines(this.bom, ended, this.eol);
  }

  toString(): string {
    return this.bom + this.lines.map((line) => line.content + line.eol).join('');
  }
}

/**
 * A file's text with our credentials merged in, or why the file is not ours to change. `problem` names
 * lines by number and never quotes them: the file may hold secrets of its own.
 */
export type MergeOutcome = { ok: true; text: string } | { ok: false; problem: string };
