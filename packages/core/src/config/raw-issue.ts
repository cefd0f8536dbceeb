/**
 * An issue before it is placed in the file: the config path it is about, and whether it
 * points at the key (unknown keys) or the value. `offset` is set when the YAML parser gave one.
 */
export interface RawIssue {
  path: (string | number)[];
  message: string;
  at?: 'key' | 'value';
  offset?: number;
}
