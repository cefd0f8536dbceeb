export interface ChaosConfigOptions {
  /** Where the webhook notifier posts every event. */
  webhookUrl: string;
  threshold?: string;
  attempts?: number;
  timeout?: string;
  cacheDir?: string;
}

/**
 * A supervisor.yaml for the suites: a check every second, short retries, debug logs, and a webhook
 * notifier that takes every event with no cooldown, so every event the daemon sends is counted. The
 * webhook secret comes from the environment, as the README tells users to do.
 */
export function chaosConfig(o: ChaosConfigOptions): string {
  return [
    'version: 1',
    ...(o.cacheDir ? ['aws:', `  cacheDir: ${JSON.stringify(o.cacheDir)}`] : []),
    'defaults:',
    '  schedule: "* * * * * *"',
    `  threshold: ${o.threshold ?? '8s'}`,
    `  retry: { attempts: ${o.attempts ?? 2}, baseDelay: 100ms, maxDelay: 300ms }`,
    `  timeout: ${o.timeout ?? '1s'}`,
    'notifiers:',
    '  - name: capture',
    '    type: webhook',
    `    url: ${o.webhookUrl}/hook`,
    '    secret: ${CHAOS_HOOK_SECRET}',
    '    events: ["*"]',
    '    cooldown: 0',
    'log:',
    '  level: debug',
    '',
  ].join('\n');
}
