import path from 'node:path';
import type { z } from 'zod';
import { buildNotifierEntries } from './build-notifier-entries';
import type { configSchema } from './config-schema';
import {
  defaultConfig,
  type ExportEntry,
  type SessionSelector,
  type SessionSettings,
  type SupervisorConfig,
} from './supervisor-config';
import { expandPath } from './parse-values';
import type { RawIssue } from './config-issues';
import { withOverrides } from './session-settings';

type Parsed = z.output<typeof configSchema>;
type Retry = SessionSettings['retry'];

interface BuildContext {
  file: string | null;
  home: string;
  notifierSchemas?: Record<string, z.ZodType>;
  /** The line an entry of the file starts on, for SessionSelector.line. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

/** Renew an export with this much left: longer than any one renewal attempt with its retries takes. */
const RENEW_BEFORE_MS = 10 * 60_000;

type DefinedOnly<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

// Spreading an object with undefined values would overwrite the defaults beneath it.
function definedOnly<T extends object>(value: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DefinedOnly<T>;
}

function checkRetry(retry: Retry, at: (string | number)[], issues: RawIssue[]): void {
  if (retry.maxDelay < retry.baseDelay) {
    issues.push({ path: [...at, 'retry', 'maxDelay'], message: 'must not be shorter than retry.baseDelay' });
  }
}

function buildSessions(parsed: Parsed, defaults: SessionSettings, ctx: BuildContext, issues: RawIssue[]) {
  const seen = new Map<string, number>();
  return parsed.sessions?.map(({ name, profile, retry, ...overrides }, index): SessionSelector => {
    const at = ['sessions', index];
    const id = name !== undefined ? `name ${name}` : `profile ${profile}`;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
    } else {
      const key = name !== undefined ? 'name' : 'profile';
      issues.push({ path: [...at, key], message: `listed twice (first at sessions[${first}])` });
    }
    const merged = retry && { ...defaults.retry, ...definedOnly(retry) };
    if (merged) checkRetry(merged, at, issues);
    const settings = definedOnly({ ...overrides, retry: merged, line: ctx.lineOf(at) });
    return name !== undefined ? { name, ...settings } : { profile: profile ?? '', ...settings };
  });
}

// One file holds one set of AWS_* variables, and a credentials file one section per name: a second
// writer of either would overwrite the first at each renewal.
function buildExports(parsed: Parsed, place: (value: string) => string, issues: RawIssue[]): ExportEntry[] {
  const seen: ExportEntry[] = [];
  return (parsed.exports ?? []).map(({ profile, path: given, format, section, renewBefore }, index) => {
    const entry: ExportEntry = {
      profile,
      path: place(given),
      format,
      ...(format === 'credentials' && { section: section ?? profile }),
      renewBefore: renewBefore ?? RENEW_BEFORE_MS,
      at: `exports[${index}]`,
    };
    const at = ['exports', index];
    const other = seen.find((e) => e.path === entry.path);
    if (other && other.format !== format) {
      issues.push({ path: [...at, 'format'], message: `${other.at} writes this file as ${other.format}` });
    } else if (other && format === 'dotenv') {
      issues.push({ path: [...at, 'path'], message: `also written by ${other.at}` });
    } else {
      const twin = seen.find((e) => e.path === entry.path && e.section === entry.section);
      if (twin) {
        const key = section === undefined ? 'profile' : 'section';
        issues.push({
          path: [...at, key],
          message: `section [${entry.section}] is also written by ${twin.at}`,
        });
      }
    }
    seen.push(entry);
    return entry;
  });
}

/**
 * The defaulted SupervisorConfig from a shape-checked file, plus the problems only visible once
 * values are combined (duplicates, retry bounds, notifier options).
 */
export function buildConfig(
  parsed: Parsed,
  ctx: BuildContext,
): { config: SupervisorConfig; issues: RawIssue[] } {
  const base = defaultConfig();
  const issues: RawIssue[] = [];
  const baseDir = ctx.file === null ? undefined : path.dirname(ctx.file);
  const place = (value: string | undefined) =>
    value === undefined ? undefined : expandPath(value, ctx.home, baseDir);

  const { retry, ...given } = parsed.defaults ?? {};
  const remind = parsed.reauth?.remind;
  const defaults = withOverrides(base.defaults, {
    // `reauth.remind` at the top is every session's default; `defaults.reauth` wins over it.
    ...(remind !== undefined && { reauth: { remind } }),
    ...given,
    retry: { ...base.defaults.retry, ...definedOnly(retry ?? {}) },
  });
  checkRetry(defaults.retry, ['defaults'], issues);

  const sessions = buildSessions(parsed, defaults, ctx, issues);
  const notifiers = buildNotifierEntries(parsed.notifiers ?? [], ctx.notifierSchemas);
  issues.push(...notifiers.issues);
  const stateDir = place(parsed.stateDir);
  const log = parsed.log ?? {};

  const config: SupervisorConfig = {
    file: ctx.file,
    version: 1,
    aws: definedOnly({ configFile: place(parsed.aws?.configFile), cacheDir: place(parsed.aws?.cacheDir) }),
    ...(stateDir !== undefined && { stateDir }),
    ...(sessions !== undefined && { sessions }),
    defaults,
    reauth: {
      mode: parsed.reauth?.mode ?? base.reauth.mode,
      backoffMs: parsed.reauth?.backoff ?? base.reauth.backoffMs,
    },
    notifiers: notifiers.entries,
    exports: buildExports(parsed, (value) => expandPath(value, ctx.home, baseDir), issues),
    log: {
      ...base.log,
      ...definedOnly({ level: log.level, maxSize: log.maxSize, maxFiles: log.maxFiles }),
      // Relative to the state dir, not the config file, so only `~` is expanded here.
      ...(log.file !== undefined && { file: expandPath(log.file, ctx.home) }),
    },
  };
  return { config, issues };
}
