import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { buildConfig } from './build-config';
import { type ConfigIssue, formatPath, type ParseResult, type RawIssue } from './config-issues';
import { configSchema } from './config-schema';
import { interpolateEnv } from './interpolate-env';
import { locateNode } from './locate-node';
import { requiredMessage } from './error-wording';
import type { SupervisorConfig } from './supervisor-config';
import { lifetimeWarnings, thresholdWarnings } from './config-warnings';
import { zodToRawIssues } from './zod-to-raw-issues';

export interface ParseConfigOptions {
  /** Absolute path the text came from, carried into issues and used to resolve relative paths. */
  file: string | null;
  env: Record<string, string | undefined>;
  home: string;
  /** Options schema per built-in notifier type; when given, unknown types are errors too. */
  notifierSchemas?: Record<string, z.ZodType>;
}

function syntaxIssues(doc: Document): RawIssue[] {
  const issues: RawIssue[] = doc.errors.map((error) => ({
    path: [],
    offset: error.pos[0],
    message: `invalid YAML: ${error.message}`,
  }));
  // The parser accepts an alias to an anchor that does not exist; only converting it fails.
  visit(doc, {
    Alias(_, alias) {
      if (!alias.resolve(doc)) {
        issues.push({
          path: [],
          offset: alias.range?.[0],
          message: `invalid YAML: unknown alias *${alias.source}`,
        });
      }
    },
  });
  return issues;
}

// A value whose variable is unset still holds `${NAME}`; what else is wrong with it is noise.
function withoutFollowUps(issues: RawIssue[], unset: RawIssue[]): RawIssue[] {
  const paths = new Set(unset.map((issue) => formatPath(issue.path)));
  return [...unset, ...issues.filter((issue) => !paths.has(formatPath(issue.path)))];
}

function byPosition(a: ConfigIssue, b: ConfigIssue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

/**
 * Parses supervisor.yaml text. Never throws for a mistake in the file: every problem comes back
 * as an issue with the line and column of the node at fault, and config is null if any is an error.
 */
export function parseConfig(text: string, opts: ParseConfigOptions): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const place = (issue: RawIssue): ConfigIssue => {
    const offset = issue.offset ?? locateNode(doc, issue.path, issue.at);
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    return { file: opts.file, line, col, path: formatPath(issue.path), message: issue.message };
  };
  const result = (
    errors: RawIssue[],
    warnings: RawIssue[],
    config: SupervisorConfig | null,
  ): ParseResult => ({
    config: errors.length > 0 ? null : config,
    errors: errors.map(place).sort(byPosition),
    warnings: warnings.map(place).sort(byPosition),
  });

  const yamlWarnings = doc.warnings.map((w): RawIssue => ({
    path: [],
    offset: w.pos[0],
    message: w.message,
  }));
  const syntax = syntaxIssues(doc);
  if (syntax.length > 0) return result(syntax, yamlWarnings, null);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    return result([{ path: [], message: `invalid YAML: ${(error as Error).message}` }], yamlWarnings, null);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return result(
      [{ path: [], message: 'expected a map of settings, starting with `version: 1`' }],
      yamlWarnings,
      null,
    );
  }

  const interpolated = interpolateEnv(data, opts.env);
  const warnings = [
    ...yamlWarnings,
    ...thresholdWarnings(interpolated.value),
    ...lifetimeWarnings(interpolated.value),
  ];
  const parsed = configSchema.safeParse(interpolated.value, { errorMap: requiredMessage });
  if (!parsed.success) {
    const shape = zodToRawIssues(parsed.error.issues, configSchema);
    return result(withoutFollowUps(shape, interpolated.issues), warnings, null);
  }
  const built = buildConfig(parsed.data, {
    file: opts.file,
    home: opts.home,
    notifierSchemas: opts.notifierSchemas,
    lineOf: (path) => {
      const offset = locateNode(doc, path);
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  });
  return result(withoutFollowUps(built.issues, interpolated.issues), warnings, built.config);
}
