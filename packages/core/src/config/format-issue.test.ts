import { formatIssue } from './format-issue';

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
