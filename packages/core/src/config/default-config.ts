import type { SupervisorConfig } from './supervisor-config';

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
    },
    reauth: { mode: 'notify', backoffMs: 3_600_000 },
    notifiers: [],
    exports: [],
    log: { level: 'info', file: 'supervisor.log', maxSize: 10 * 1024 * 1024, maxFiles: 5 },
  };
}
