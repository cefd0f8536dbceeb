import { plainErrorMap } from '../config/error-wording';
import type { NotifierEntry } from '../config/supervisor-config';
import type { SecretRegistry } from '../logging/redaction';
import type { Logger } from '../util/logger';
import { errorText, type Notifier, type NotifierPlugin, type RoutedNotifier } from './notifier-contract';
import { loadCustomNotifier, type LoadOptions, type ModuleImporter } from './load-custom-notifier';
import { redactPluginText, secretOptionValues } from './plugin-text';

export interface RoutedNotifierDeps {
  logger: Logger;
  /** The supervisor.yaml path: custom `module:` entries resolve from its folder. */
  configFile: string;
  importModule?: ModuleImporter;
  /** Where module lookups may also look (tests); see loadCustomNotifier. */
  loadOptions?: LoadOptions;
  /** The log's registry: every entry's secret-looking option values are added, so logs blank them. */
  secrets?: SecretRegistry;
}

async function findPlugin(
  entry: NotifierEntry,
  plugins: readonly NotifierPlugin[],
  deps: RoutedNotifierDeps,
): Promise<{ plugin: NotifierPlugin } | { error: string }> {
  if (entry.module !== undefined) {
    const loaded = await loadCustomNotifier(
      entry.module,
      deps.configFile,
      deps.importModule,
      deps.loadOptions,
    );
    return 'error' in loaded ? { error: `${entry.path}.module: ${loaded.error}` } : loaded;
  }
  const plugin = plugins.find((p) => p.type === entry.type);
  if (plugin) return { plugin };
  const known = plugins.map((p) => p.type).join(', ');
  return { error: `${entry.path}.type: unknown notifier type "${entry.type}" (known types: ${known})` };
}

function isNotifier(value: unknown): value is Notifier {
  const v = value as Partial<Notifier> | null;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.send === 'function';
}

function shape(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const keys = Object.keys(value);
  return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
}

/**
 * Creates every configured notifier: a built-in plugin by `type`, or a custom one loaded from `module`,
 * with options validated by the plugin's own schema. Problems come back as `notifiers[2].field: message`
 * lines; the notifiers that could be created are returned either way.
 */
export async function createRoutedNotifiers(
  entries: readonly NotifierEntry[],
  plugins: readonly NotifierPlugin[],
  deps: RoutedNotifierDeps,
): Promise<{ routed: RoutedNotifier[]; errors: string[] }> {
  const routed: RoutedNotifier[] = [];
  const errors: string[] = [];
  for (const entry of entries) {
    for (const value of secretOptionValues(entry.options)) deps.secrets?.add(value);
    const found = await findPlugin(entry, plugins, deps);
    if ('error' in found) {
      errors.push(found.error);
      continue;
    }
    const parsed = found.plugin.optionsSchema.safeParse(entry.options, { errorMap: plainErrorMap });
    if (!parsed.success) {
      // Custom modules take their options under `options:`; built-in types beside the entry's own keys.
      const base = entry.module !== undefined ? `${entry.path}.options` : entry.path;
      errors.push(
        ...parsed.error.issues.map((i) => `${[base, ...i.path.map(String)].join('.')}: ${i.message}`),
      );
      continue;
    }
    try {
      const notifier: unknown = found.plugin.create(parsed.data, { name: entry.name, logger: deps.logger });
      if (isNotifier(notifier)) routed.push({ notifier, entry });
      else
        errors.push(
          `${entry.path}: notifier "${entry.name}" could not be created: create() returned ${shape(notifier)}, not a notifier { name, send(event) }`,
        );
    } catch (error) {
      errors.push(
        `${entry.path}: notifier "${entry.name}" could not be created: ${redactPluginText(errorText(error), deps.secrets)}`,
      );
    }
  }
  return { routed, errors };
}
