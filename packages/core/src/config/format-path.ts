const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** ['notifiers', 2, 'webhookUrl'] -> 'notifiers[2].webhookUrl'; odd keys are quoted. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
