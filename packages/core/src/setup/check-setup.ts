import { readFile, stat } from 'node:fs/promises';
import { droppedSections, rawSections, type RawSection } from '../aws-config/raw-sections';
import type { AwsConfigFinding } from '../aws-config/read-aws-config';
import type { ConfigIssue } from '../config/config-issues';
import { planExports } from '../exports/plan-exports';
import { createRoutedNotifiers } from '../notifiers/create-routed-notifiers';
import type { NotifierPlugin } from '../notifiers/notifier-contract';
import type { ModuleImporter } from '../notifiers/load-custom-notifier';
import type { Logger } from '../util/logger';
import { configLocator } from './config-locator';
import type { Setup } from './load-setup';

/** What `run` would trip on that parsing the files cannot see; errors make `validate` exit 2. */
export interface SetupCheck {
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** Facts worth knowing that are not problems, one sentence each. */
  notes: string[];
}

const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {} };

// The daemon's messages are `notifiers[2].module: ...`, `exports[0].profile: ...`; the path is placed in the file.
function split(line: string): { path: string; message: string } {
  const m = /^((?:notifiers|exports)\[\d+\](?:\.[\w$-]+)*): ([\s\S]*)$/.exec(line);
  return m ? { path: m[1], message: m[2] } : { path: '', message: line };
}

/**
 * Creates every notifier as `run` does (custom `module:` entries loaded, `create()` called and its result
 * shape-checked), then closes them: a notifier `run` could not start is an error here.
 */
async function notifierErrors(
  setup: Setup,
  plugins: readonly NotifierPlugin[],
  importModule?: ModuleImporter,
) {
  const configFile = setup.config.file ?? `${process.cwd()}/supervisor.yaml`;
  const created = await createRoutedNotifiers(setup.config.notifiers, plugins, {
    logger: quiet,
    configFile,
    importModule,
  });
  await Promise.allSettled(created.routed.map((r) => r.notifier.close?.()));
  return created.errors.map(split);
}

async function exportErrors(setup: Setup) {
  const { problems } = planExports(setup.config.exports, setup);
  const found = problems.map((p) => split(p.message));
  for (const entry of setup.config.exports) {
    const info = await stat(entry.path).catch(() => null);
    if (info?.isDirectory())
      found.push({
        path: `${entry.at}.path`,
        message: `${entry.path} is a folder; name the file to write in it (e.g. ${entry.path.replace(/\/$/, '')}/.env)`,
      });
  }
  return found;
}

function reauthWarnings(setup: Setup) {
  const { config } = setup;
  const { mode } = config.reauth;
  if (mode === 'browser' && !config.server.enabled)
    return [
      {
        path: 'reauth.mode',
        message:
          "browser serves its login links on the daemon's loopback server, which `server.enabled: false` turns off; turn it on, or use mode: notify",
      },
    ];
  if (mode === 'notify' || config.notifiers.some((n) => n.private)) return [];
  return [
    {
      path: 'reauth.mode',
      message: `${mode} sends the login link only to notifiers marked \`private: true\` (or a \`type: macos\` one), and none is: the link would go nowhere; mark one notifier private, or use mode: notify`,
    },
  ];
}

/** An AWS config finding placed at its section's header, when the section is in the text. */
function placeFinding(finding: AwsConfigFinding, sections: RawSection[]): ConfigIssue {
  const header = sections.find((s) => `${s.kind} ${s.name}` === finding.section);
  const path = [finding.section && `[${finding.section}]`, finding.field].filter(Boolean).join(' ');
  return {
    file: finding.file,
    ...(header && { line: header.line, col: header.col }),
    path,
    message: finding.message,
  };
}

/**
 * What is wrong in the AWS config, and what would be skipped: sections the SDK drops, sso-sessions
 * `sessions:` leaves out. Each at its section's header line.
 */
async function awsConfigIssues(setup: Setup): Promise<Omit<SetupCheck, 'notes'>> {
  const file = setup.paths.awsConfigFile;
  const text = await readFile(file, 'utf8').catch(() => '');
  const sections = rawSections(text);
  const placed = setup.findings.map((f) => ({ severity: f.severity, issue: placeFinding(f, sections) }));
  const supervised = new Set(setup.supervised.map((s) => s.session.id));
  const left = setup.sessions.filter((s) => s.name !== null && !supervised.has(s.id));
  const unsupervised = left.flatMap((session) => {
    const header = sections.find((s) => s.kind === 'sso-session' && s.name === session.name);
    return [
      {
        file,
        ...(header && { line: header.line, col: header.col }),
        path: `[sso-session ${session.name}]`,
        message: `not supervised: \`sessions:\` in ${setup.config.file} leaves it out, so nothing refreshes it in the background (status lists it apart; refresh and login still take it by name); add \`- name: ${session.name}\` to supervise it`,
      },
    ];
  });
  return {
    errors: placed.filter((p) => p.severity === 'error').map((p) => p.issue),
    warnings: [
      ...placed.filter((p) => p.severity === 'warning').map((p) => p.issue),
      ...droppedSections(file, sections),
      ...unsupervised,
    ],
  };
}

/** import() caches a module for the life of the process; a reload cannot swap a plugin's code. */
function moduleNotes(setup: Setup): string[] {
  const modules = [
    ...new Set(setup.config.notifiers.flatMap((n) => (n.module === undefined ? [] : [`"${n.module}"`]))),
  ];
  if (modules.length === 0) return [];
  return [
    `custom notifier modules (${modules.join(', ')}) are loaded once per daemon process: after rebuilding or upgrading one, restart the daemon; a reload keeps the code it loaded`,
  ];
}

/**
 * Everything `validate` reports beyond the cache files: the config's warnings, the AWS config's findings, and
 * the checks it adds to parsing, so that it fails where `run` would: notifiers that would not start,
 * exports that cannot be written, a login link with nowhere to go, and AWS config sections that would be
 * silently skipped. Each issue is placed at FILE:LINE:COL.
 */
export async function checkSetup(
  setup: Setup,
  plugins: readonly NotifierPlugin[],
  importModule?: ModuleImporter,
): Promise<SetupCheck> {
  const place = await configLocator(setup.config.file);
  const at = ({ path, message }: { path: string; message: string }) => place(path, message);
  const errors = [...(await notifierErrors(setup, plugins, importModule)), ...(await exportErrors(setup))];
  const aws = await awsConfigIssues(setup);
  return {
    errors: [...aws.errors, ...errors.map(at)],
    warnings: [...setup.warnings, ...reauthWarnings(setup).map(at), ...aws.warnings],
    notes: moduleNotes(setup),
  };
}
