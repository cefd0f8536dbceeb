import { formatIssue, formatPath } from './config-issues';

describe(formatIssue.name, () => {
  it.each([
    [
      { file: '/c/supervisor.yaml', line: 7, col: 17, path: 'notifiers[2].webhookUrl', message: 'required' },
      '/c/supervisor.yaml:7:17 notifiers[2].webhookUrl: required',
    ],
    [{ file: 'c.yaml', line: 2, col: 1, path: '', message: 'invalid YAML' }, 'c.yaml:2:1: invalid YAML'],
    [{ file: 'c.yaml', path: '', message: 'config file not found' }, 'c.yaml: config file not found'],
    [
      { file: null, line: 1, col: 3, path: 'version', message: 'unsupported' },
      '<config>:1:3 version: unsupported',
    ],
  ])('formats %j', (issue, expected) => {
    expect(formatIssue(issue)).toBe(expected);
  });
});

describe(formatPath.name, () => {
  it.each<[(string | number)[], string]>([
    [[], ''],
    [['version'], 'version'],
    [['defaults', 'retry', 'attempts'], 'defaults.retry.attempts'],
    [['notifiers', 2, 'webhookUrl'], 'notifiers[2].webhookUrl'],
    [['notifiers', 0, 'events', 1], 'notifiers[0].events[1]'],
    [['notifiers', 0, 'options', 'a.b'], 'notifiers[0].options["a.b"]'],
  ])('formats %j as %p', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
