import { z } from 'zod';
import { distance } from 'fastest-levenshtein';

const UNITS: Partial<Record<string, string>> = { string: 'characters', array: 'items', set: 'items' };
const FORMATS: Partial<Record<string, string>> = { url: 'URL', email: 'email address', uuid: 'UUID' };

function literal(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'bigint' ? `${value}n` : String(value);
}

function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const proto: unknown = Object.getPrototypeOf(value);
  return proto && proto !== Object.prototype && value.constructor ? value.constructor.name : 'object';
}

interface Bounded {
  type: string;
  inclusive: boolean;
  exact?: boolean;
}

function bound(size: 'Too small' | 'Too big', issue: Bounded, limit: number | bigint): string {
  const relation = issue.exact
    ? 'exactly '
    : `${size === 'Too small' ? '>' : '<'}${issue.inclusive ? '=' : ''}`;
  const unit = UNITS[issue.type];
  return unit
    ? `${size}: expected ${issue.type} to have ${relation}${limit} ${unit}`
    : `${size}: expected ${issue.type} to be ${relation}${limit}`;
}

function plainMessage(issue: z.ZodIssueOptionalMessage, data: unknown): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'integer' ? 'int' : issue.expected;
      return `Invalid input: expected ${expected}, received ${typeName(data)}`;
    }
    case 'invalid_literal':
      return `Invalid input: expected ${literal(issue.expected)}`;
    case 'invalid_enum_value':
      return `Invalid option: expected one of ${issue.options.map(literal).join('|')}`;
    case 'too_small':
      return bound('Too small', issue, issue.minimum);
    case 'too_big':
      return bound('Too big', issue, issue.maximum);
    case 'invalid_string':
      if (typeof issue.validation !== 'string') return undefined;
      return issue.validation === 'regex'
        ? 'Invalid input'
        : `Invalid ${FORMATS[issue.validation] ?? issue.validation}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.multipleOf}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(literal).join(', ')}`;
    default:
      return undefined;
  }
}

/**
 * A zod error map keeping the wording these messages had under zod 4 ("Invalid input: expected
 * string, received number"), which never repeats the value itself: zod 3's enum message would put
 * an interpolated secret into an error. A message the schema sets itself is kept.
 */
export const plainErrorMap: z.ZodErrorMap = (issue, ctx) => {
  // zod 3 asks this map after the schema's own; its result differs from zod's default only when the schema spoke.
  const fromSchema =
    ctx.defaultError !== z.defaultErrorMap(issue, { data: ctx.data, defaultError: '' }).message;
  return { message: (!fromSchema && plainMessage(issue, ctx.data)) || ctx.defaultError };
};

/**
 * zod error map: "missing required field" instead of "expected string, received undefined",
 * unless the schema has its own message for it; otherwise as plainErrorMap words it.
 */
export const requiredMessage: z.ZodErrorMap = (issue, ctx) => {
  const worded = plainErrorMap(issue, ctx);
  // plainErrorMap rewords every invalid_type issue but one whose message the schema set.
  const schemaSpoke = worded.message === ctx.defaultError;
  if (issue.code === 'invalid_type' && issue.received === 'undefined' && !schemaSpoke)
    return { message: 'missing required field' };
  // A union (`to: address | address[]`) reports a missing value as invalid_union, with no type.
  const unionDefault =
    ctx.defaultError === z.defaultErrorMap(issue, { data: ctx.data, defaultError: '' }).message;
  return issue.code === 'invalid_union' && ctx.data === undefined && unionDefault
    ? { message: 'missing required field' }
    : worded;
};

/** The candidate a typo most likely meant, or undefined when none is close enough to suggest. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(typed, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= limit && bestDistance < typed.length ? best : undefined;
}

/** Longest name a message repeats whole; a longer one (a pasted token, a 5,000-character typo) is cut. */
const NAME_LIMIT = 64;

/** A name as a message shows it: quoted, and cut to NAME_LIMIT characters with the full length said. */
export function quoteName(name: string): string {
  const chars = [...name];
  if (chars.length <= NAME_LIMIT) return `"${name}"`;
  return `"${chars.slice(0, NAME_LIMIT).join('')}..." (${chars.length} characters)`;
}

/** A name cut to NAME_LIMIT characters, unquoted, for a title or a command line in a message. */
export function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= NAME_LIMIT ? name : `${chars.slice(0, NAME_LIMIT).join('')}...`;
}

/** ` (did you mean "x"?)` when a candidate is close, else the empty string. */
export function didYouMeanSuffix(word: string, candidates: readonly string[]): string {
  const guess = word.length > NAME_LIMIT ? undefined : didYouMean(word, candidates);
  return guess === undefined ? '' : ` (did you mean ${quoteName(guess)}?)`;
}
