import { formatPath } from './format-path';

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
