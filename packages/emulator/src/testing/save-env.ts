/**
 * Snapshots process.env; the returned function puts it back as it was: variables added since are
 * removed, changed ones restored, and a process.env replaced wholesale (`process.env = {...}`) is swapped
 * back for the original object, so later tests see the same one as before.
 */
export function saveEnv(): () => void {
  const original = process.env;
  const snapshot = { ...original };
  return () => {
    process.env = original;
    for (const key of Object.keys(original)) if (!(key in snapshot)) delete original[key];
    Object.assign(original, snapshot);
  };
}
