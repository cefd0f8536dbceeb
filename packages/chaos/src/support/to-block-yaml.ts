const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * Plain data as block-style YAML, the way people write supervisor.yaml (JSON would be valid YAML too,
 * but never exercises indentation, block sequences or line and column reporting).
 */
export function toBlockYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'object' && item !== null && !isEmpty(item)
          ? `${indent}-\n${toBlockYaml(item, `${indent}  `)}`
          : `${indent}- ${isEmpty(item) ? JSON.stringify(item) : scalar(item)}`,
      )
      .join('\n');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const key = PLAIN_KEY.test(k) ? k : JSON.stringify(k);
        if (typeof v !== 'object' || v === null) return `${indent}${key}: ${scalar(v)}`;
        if (isEmpty(v)) return `${indent}${key}: ${JSON.stringify(v)}`;
        return `${indent}${key}:\n${toBlockYaml(v, `${indent}  `)}`;
      })
      .join('\n');
  }
  return `${indent}${scalar(value)}`;
}
