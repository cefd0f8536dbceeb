import type { z } from 'zod';
import type { configSchema } from './config-schema';
import type { RawIssue } from './config-issues';
import { didYouMean, requiredMessage } from './error-wording';
import type { NotifierEntry } from './supervisor-config';
import { zodToRawIssues } from './zod-to-raw-issues';

type ParsedNotifier = NonNullable<z.output<typeof configSchema>['notifiers']>[number];

const DEFAULT_COOLDOWN_MS = 30 * 60_000;
const ENTRY_KEYS = ['name', 'type', 'module', 'events', 'sessions', 'private', 'cooldown', 'options'];

function unknownType(type: string, known: string[]): string {
  const guess = didYouMean(type, known);
  const list = `known types: ${[...known].sort().join(', ')}`;
  return guess
    ? `unknown notifier type, did you mean \`${guess}\`? (${list})`
    : `unknown notifier type; ${list}`;
}

/**
 * Notifier entries with their own options gathered: every key beside the entry's keys, merged
 * with an explicit `options:` map, and validated by the type's schema when one is given.
 * Option errors point where the option was written (`notifiers[2].webhookUrl` or `notifiers[2].options.url`).
 */
export function buildNotifierEntries(
  notifiers: readonly ParsedNotifier[],
  schemas?: Record<string, z.ZodType>,
): { entries: NotifierEntry[]; issues: RawIssue[] } {
  const issues: RawIssue[] = [];
  const firstIndex = new Map<string, number>();
  const entries = notifiers.map((notifier, index): NotifierEntry => {
    const at = ['notifiers', index];
    const {
      name,
      type,
      module,
      events,
      sessions,
      private: isPrivate,
      cooldown,
      options,
      ...inline
    } = notifier;
    const explicit = options ?? {};
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, index);
    } else {
      issues.push({
        path: [...at, 'name'],
        message: `duplicate notifier name (first used by notifiers[${first}])`,
      });
    }
    for (const key of Object.keys(inline)) {
      if (Object.hasOwn(explicit, key)) {
        issues.push({ path: [...at, key], at: 'key', message: 'also given under `options`' });
      }
    }
    let merged: Record<string, unknown> = { ...inline, ...explicit };
    const schema = type !== undefined && schemas ? schemas[type] : undefined;
    if (type !== undefined && schemas && !schema) {
      issues.push({ path: [...at, 'type'], message: unknownType(type, Object.keys(schemas)) });
    } else if (schema) {
      const result = schema.safeParse(merged, { errorMap: requiredMessage });
      if (result.success) merged = result.data as Record<string, unknown>;
      else {
        const toConfigPath = ([key, ...rest]: (string | number)[]) =>
          key === undefined
            ? at
            : Object.hasOwn(explicit, key)
              ? [...at, 'options', key, ...rest]
              : [...at, key, ...rest];
        issues.push(
          ...namedMissing(zodToRawIssues(result.error.issues, schema, toConfigPath, ENTRY_KEYS), at, type!),
        );
      }
    }
    return {
      name,
      ...(type !== undefined && { type }),
      ...(module !== undefined && { module }),
      ...(events !== undefined && { events }),
      ...(sessions !== undefined && { sessions }),
      // The desktop shows on this machine's screen only: it may carry login links unless told otherwise.
      private: isPrivate ?? type === 'macos',
      cooldown: cooldown ?? DEFAULT_COOLDOWN_MS,
      options: merged,
      path: `notifiers[${index}]`,
    };
  });
  return { entries, issues };
}

/** Several missing options are one issue that names them all, where a person reads what to add. */
function namedMissing(issues: RawIssue[], at: (string | number)[], type: string): RawIssue[] {
  const missing = issues.filter(
    (i) => i.message === 'missing required field' && i.path.length === at.length + 1,
  );
  if (missing.length < 2) return issues;
  const names = missing.map((i) => String(i.path[i.path.length - 1])).join(', ');
  return [
    { path: at, message: `the ${type} notifier needs ${names} (missing required fields)` },
    ...issues.filter((i) => !missing.includes(i)),
  ];
}
