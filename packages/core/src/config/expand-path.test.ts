import { expandPath } from './expand-path';

describe(expandPath.name, () => {
  it.each<[string, string | undefined, string]>([
    ['~', undefined, '/home/u'],
    ['~/.aws/config', undefined, '/home/u/.aws/config'],
    ['~/.aws/config', '/etc/sso', '/home/u/.aws/config'],
    ['cache', '/etc/sso', '/etc/sso/cache'],
    ['../cache', '/etc/sso', '/etc/cache'],
    ['/abs/cache', '/etc/sso', '/abs/cache'],
    ['cache', undefined, 'cache'],
    ['~other/x', undefined, '~other/x'],
  ])('%p from %p -> %p', (value, baseDir, expected) => {
    expect(expandPath(value, '/home/u', baseDir)).toBe(expected);
  });
});
