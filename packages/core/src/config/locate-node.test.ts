import { LineCounter, parseDocument } from 'yaml';
import { locateNode } from './locate-node';

const TEXT = `version: 1
base: &base
  threshold: 5m
sessions:
  - name: a
    retry: *base
  - name: b
    timeout:
notifiers: [{ name: x }]
`;

describe(locateNode.name, () => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(TEXT, { lineCounter });
  const at = (path: (string | number)[], which?: 'key' | 'value') => {
    const offset = locateNode(doc, path, which);
    return offset === undefined ? undefined : lineCounter.linePos(offset);
  };

  it.each<[(string | number)[], 'key' | 'value' | undefined, { line: number; col: number }]>([
    [[], undefined, { line: 1, col: 1 }],
    [['version'], undefined, { line: 1, col: 10 }],
    [['version'], 'key', { line: 1, col: 1 }],
    [['sessions', 1, 'name'], undefined, { line: 7, col: 11 }],
    [['sessions', 1], undefined, { line: 7, col: 5 }],
    [['notifiers', 0, 'name'], undefined, { line: 9, col: 21 }],
    // through an alias, to where the value is written
    [['sessions', 0, 'retry', 'threshold'], undefined, { line: 3, col: 14 }],
    // an empty value: the key
    [['sessions', 1, 'timeout'], undefined, { line: 8, col: 5 }],
    // absent: the nearest parent that exists
    [['sessions', 1, 'profile'], undefined, { line: 7, col: 5 }],
    [['sessions', 5, 'name'], undefined, { line: 5, col: 3 }],
    [['log', 'level'], undefined, { line: 1, col: 1 }],
  ])('%j (%s)', (path, which, expected) => {
    expect(at(path, which)).toEqual(expected);
  });

  it('has no position in an empty document', () => {
    expect(locateNode(parseDocument(''), ['version'])).toBeUndefined();
  });
});
