import type { YAMLError } from 'yaml';

/** One YAML syntax error as we report it: where the mistake is, and what to do about it. */
export interface WordedYamlError {
  offset: number;
  message: string;
}

/** The first character that is not a space on the line after `offset`; `offset` itself on the last line. */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? offset : lineStart(text, newline + 1);
}

/** The first character that is not a space or a tab on the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  let at = text.lastIndexOf('\n', offset - 1) + 1;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

const DEEPER =
  'this line is indented deeper than the key above it, which already has a value; line it up with the keys beside it';
const UNEVEN =
  'this key is not lined up with the keys above it; every key of one map starts at the same column';
const NO_DASH =
  'this line is lined up with no key above it and is no list item; indent it like the keys of the item above, or start a new item with "- "';
const TAB = 'a tab indents this line; YAML indents with spaces only';

/**
 * The yaml library's indentation errors in our words, at the line that is wrong. Its
 * BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY (a pair, for one over-indented key) point at the value
 * on the line above the mistake; the others point at column 1 rather than at the key. Other errors keep
 * the library's wording.
 */
export function wordYamlError(error: YAMLError, text: string): WordedYamlError {
  const at = error.pos[0];
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset: nextLineStart(text, at), message: DEEPER };
    case 'BAD_INDENT':
      // The same code covers an unclosed flow collection, whose wording is already right.
      return error.message.startsWith('All mapping items')
        ? { offset: lineStart(text, at), message: UNEVEN }
        : { offset: at, message: error.message };
    case 'MISSING_CHAR':
      return error.message.startsWith('Sequence item without')
        ? { offset: lineStart(text, at), message: NO_DASH }
        : { offset: at, message: error.message };
    case 'TAB_AS_INDENT':
      return { offset: at, message: TAB };
    default:
      return { offset: at, message: error.message };
  }
}
