/** How one session is watched. Every duration is in milliseconds. */
export interface SessionSettings {
  /** Cron expression, 5 or 6 fields, deciding when the session is checked. */
  schedule: string;
  /** Refresh once less than this remains on the access token. */
  threshold: number;
  retry: { attempts: number; baseDelay: number; maxDelay: number };
  /** Budget for one refresh call. */
  timeout: number;
  /**
   * How long an Identity Center session lasts after an interactive login (set by the organisation, 8h by
   * default). Unset: the end cannot be estimated and no warning is sent for it.
   */
  sessionDuration?: number;
  /** session.ending this long before the client registration ends; 0 sends none. */
  registrationWarning: number;
  /** session.ending this long before the estimated end of the Identity Center session; 0 sends none. */
  sessionWarning: number;
  /** While the session waits for a login, session.reauth_required again this often; 0 sends it once. */
  reauth: { remind: number };
  /**
   * Role credentials are handed out only with more than this left (halfway through a shorter lifetime):
   * above botocore's 15 minutes, so boto3 runs credential_process once per credential lifetime.
   */
  credentialsRenewBefore: number;
}

/**
 * The one list of per-session settings: the keys `defaults:` and each `sessions:` entry take. Typed so
 * that a key added to SessionSettings and not here, or here and not there, does not compile.
 */
const SETTING_KEYS: { [K in keyof SessionSettings]-?: true } = {
  schedule: true,
  threshold: true,
  retry: true,
  timeout: true,
  sessionDuration: true,
  registrationWarning: true,
  sessionWarning: true,
  reauth: true,
  credentialsRenewBefore: true,
};
export const SESSION_SETTING_KEYS = Object.keys(SETTING_KEYS) as (keyof SessionSettings)[];

/**
 * A supervised session: an sso-session by `name`, or a legacy SSO profile by `profile`,
 * with its own overrides of the defaults. `line` points back into the file for messages.
 */
export type SessionSelector = ({ name: string } | { profile: string }) &
  Partial<SessionSettings> & { line?: number };

export interface NotifierEntry {
  name: string;
  /** A built-in notifier (macos, slack, email, webhook); exactly one of type and module is set. */
  type?: string;
  /** A package name or a path (relative to the config file's folder) exporting a notifier plugin. */
  module?: string;
  /** Event types this notifier receives ('*' for all); undefined means the notifier's own default. */
  events?: string[];
  /** Session names this notifier is limited to; undefined means every session. */
  sessions?: string[];
  /** May receive login links and codes (login.pending). */
  private: boolean;
  /** Minimum time between two identical notifications. */
  cooldown: number;
  /** The plugin's own options: validated and parsed by its schema when the type's schema was given. */
  options: Record<string, unknown>;
  /** Where the entry sits in the file, e.g. 'notifiers[2]', for messages about it. */
  path: string;
}

/** A file the daemon keeps a profile's role credentials in, renewed before they expire. */
export interface ExportEntry {
  /** The SSO profile (sso_account_id, sso_role_name) whose role credentials are written. */
  profile: string;
  /** Absolute: `~` expanded, a relative path resolved from the config file's folder. */
  path: string;
  /** dotenv: the AWS_* variables of a .env file; credentials: one section of an ~/.aws/credentials file. */
  format: 'dotenv' | 'credentials';
  /** credentials only: the section written, by default named after the profile. */
  section?: string;
  /** Renew once less than this remains on the credentials in the file. */
  renewBefore: number;
  /** Where the entry sits in the file, e.g. 'exports[1]', for messages about it. */
  at: string;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The parsed and defaulted supervisor.yaml (version 1). */
export interface SupervisorConfig {
  /** Absolute path of the file it came from; null for the built-in defaults. */
  file: string | null;
  version: 1;
  /** Absolute when given; undefined falls back to $AWS_CONFIG_FILE / ~/.aws/config and ~/.aws/sso/cache. */
  aws: { configFile?: string; cacheDir?: string };
  /** Absolute when given; undefined falls back to $SSO_SUPERVISOR_STATE_DIR and the platform default. */
  stateDir?: string;
  /** undefined means every session found in the AWS config. */
  sessions?: SessionSelector[];
  defaults: SessionSettings;
  /**
   * When a person must log in. notify: session.reauth_required only. device-code: also one device-code
   * login, its link sent to private notifiers; after one ends unapproved, none for `backoffMs`. browser:
   * session.reauth_required carries a one-time link to the daemon's loopback server (private notifiers
   * and the desktop only) that starts a browser login inside the daemon.
   */
  reauth: { mode: 'notify' | 'device-code' | 'browser'; backoffMs: number };
  notifiers: NotifierEntry[];
  /** Files kept filled with role credentials by the daemon; none by default. */
  exports: ExportEntry[];
  /**
   * The daemon's loopback HTTP server (the credential broker). `port` 0 lets the system choose; the port
   * in use is written to `server.json` in the state dir either way.
   */
  server: { enabled: boolean; port: number };
  /** `file` is relative to the state dir unless absolute; `maxSize` is in bytes. */
  log: { level: LogLevel; file: string; maxSize: number; maxFiles: number };
}

/**
 * What runs without a config file: every session in the AWS config, checked each minute,
 * refreshed with 20 minutes left — above the AWS CLI's own 15-minute refresh, so the two never race.
 */
export function defaultConfig(): SupervisorConfig {
  return {
    file: null,
    version: 1,
    aws: {},
    defaults: {
      schedule: '* * * * *',
      threshold: 20 * 60_000,
      retry: { attempts: 4, baseDelay: 2_000, maxDelay: 60_000 },
      timeout: 15_000,
      registrationWarning: 3 * 86_400_000,
      sessionWarning: 30 * 60_000,
      reauth: { remind: 4 * 3_600_000 },
      credentialsRenewBefore: 20 * 60_000,
    },
    reauth: { mode: 'notify', backoffMs: 3_600_000 },
    notifiers: [],
    exports: [],
    server: { enabled: true, port: 0 },
    log: { level: 'info', file: 'supervisor.log', maxSize: 10 * 1024 * 1024, maxFiles: 5 },
  };
}
