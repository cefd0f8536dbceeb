import { isAlias, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';

function start(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * The source offset of the node a config path points at. When the path leads to a key that is
 * absent (a missing required field), the nearest existing parent is where the fix goes.
 */
export function locateNode(
  doc: Document,
  path: readonly (string | number)[],
  at: 'key' | 'value' = 'value',
): number | undefined {
  let node: unknown = doc.contents;
  let offset = start(node);
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) break;
      const keyOffset = start(pair.key);
      // `key:` with nothing after it has an empty value node placed after the colon; the key reads better.
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if ((at === 'key' && index === path.length - 1) || empty) return keyOffset ?? offset;
      node = pair.value;
      offset = start(node) ?? keyOffset ?? offset;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = start(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}
