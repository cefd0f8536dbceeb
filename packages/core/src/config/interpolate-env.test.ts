import { interpolateEnv } from './interpolate-env';

const env = { HOOK: 'https://hooks.example.com/x', EMPTY: '', SECRET: 's3cr3t-value' };

describe(interpolateEnv.name, () => {
  it.each<[string, string]>([
    ['${HOOK}', 'https://hooks.example.com/x'],
    ['pre-${HOOK}-post', 'pre-https://hooks.example.com/x-post'],
    ['${HOOK}${EMPTY}${HOOK}', 'https://hooks.example.com/xhttps://hooks.example.com/x'],
    ['$${HOOK}', '${HOOK}'],
    ['cost: $5 and {x}', 'cost: $5 and {x}'],
    ['$$${HOOK}', '$${HOOK}'],
  ])('replaces %p with %p', (input, expected) => {
    expect(interpolateEnv({ a: input }, env)).toEqual({ value: { a: expected }, issues: [] });
  });

  it.each<[string, string]>([
    ['${MISSING}', 'environment variable MISSING is not set'],
    ['${1BAD}', '`${1BAD}` is not a variable reference; names are letters, digits and _'],
    ['${}', '`${}` is not a variable reference; names are letters, digits and _'],
    ['${HOOK', 'unterminated `${`; write `$${` for a literal `${`'],
  ])('reports %p', (input, message) => {
    expect(interpolateEnv({ n: [{ url: input }] }, env).issues).toEqual([{ path: ['n', 0, 'url'], message }]);
  });

  it('leaves keys, numbers and booleans alone and drops keys set to nothing', () => {
    const value = { '${HOOK}': 1, on: true, none: null, list: [null, '${EMPTY}'] };
    expect(interpolateEnv(value, env).value).toEqual({ '${HOOK}': 1, on: true, list: [null, ''] });
  });

  it('never puts a value into a message', () => {
    const { issues } = interpolateEnv({ a: '${SECRET}${MISSING}' }, env);
    expect(JSON.stringify(issues)).not.toContain('s3cr3t');
  });
});
