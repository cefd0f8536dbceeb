import type { RawIssue } from './config-issues';

// `$${` is a literal `${`; `${NAME}` a variable; a `${` without its `}` is a mistake to report.
const TOKEN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Env = Record<string, string | undefined>;

function interpolateString(text: string, env: Env, report: (message: string) => void): string {
  return text.replace(TOKEN, (match: string, name: string | undefined) => {
    if (match === '$${') return '${';
    if (name === undefined) {
      report('unterminated `${`; write `$${` for a literal `${`');
    } else if (!NAME.test(name)) {
      report(`\`${match}\` is not a variable reference; names are letters, digits and _`);
    } else if (env[name] === undefined) {
      report(`environment variable ${name} is not set`);
    } else {
      return env[name];
    }
    return match;
  });
}

/**
 * Replaces `${NAME}` in every string value (keys are left alone) from `env`. Map entries whose
 * value is null are dropped: in YAML `key:` with nothing after it reads as "not set".
 * Messages name the variable and never its value, which is often a secret.
 */
export function interpolateEnv(
  value: unknown,
  env: Env,
  path: (string | number)[] = [],
): { value: unknown; issues: RawIssue[] } {
  const issues: RawIssue[] = [];
  const walk = (node: unknown, at: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      return interpolateString(node, env, (message) => issues.push({ path: at, message }));
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...at, index]));
    if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
      // fromEntries defines own properties, so a `__proto__` key stays a key and is reported as unknown.
      return Object.fromEntries(
        Object.entries(node)
          .filter(([, child]) => child !== null && child !== undefined)
          .map(([key, child]) => [key, walk(child, [...at, key])]),
      );
    }
    return node;
  };
  return { value: walk(value, path), issues };
}

/** The `${NAME}`s a parsed supervisor.yaml refers to, each once, in order: what a service must be given. */
export function referencedVariables(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const [match, name] of node.matchAll(TOKEN))
        if (match !== '$${' && name && NAME.test(name)) names.add(name);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return [...names];
}
