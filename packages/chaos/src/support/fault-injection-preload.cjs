'use strict';
// Test-only, loaded with `node --require`: while the file CHAOS_FAULT_FLAG exists, file system calls on the
// folder CHAOS_FAULT_DIR fail with CHAOS_FAULT_CODE, as the kernel would fail them:
// - ENOSPC (a full disk): creating and renaming still work; writing bytes does not.
// - EROFS (a read-only mount): opening for writing, creating, renaming and removing fail.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(process.env.CHAOS_FAULT_DIR);
const flag = process.env.CHAOS_FAULT_FLAG;
const code = process.env.CHAOS_FAULT_CODE;
const inDir = (file) => typeof file === 'string' && path.resolve(file).startsWith(dir + path.sep);
const active = () => fs.existsSync(flag);
const failure = (syscall) =>
  Object.assign(new Error(`${code}: injected by the chaos suite, ${syscall}`), { code, syscall });
const writes = (flags) => typeof flags === 'string' && /[wax+]/.test(flags);

const handles = new WeakSet();
let patchedHandles = false;
const open = fs.promises.open;

function patchHandles(proto) {
  for (const name of ['write', 'writev', 'writeFile', 'appendFile']) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (code === 'ENOSPC' && handles.has(this) && active()) return Promise.reject(failure('write'));
      return original.apply(this, args);
    };
  }
  patchedHandles = true;
}

fs.promises.open = async function (file, flags, ...rest) {
  if (code === 'EROFS' && inDir(file) && writes(flags) && active()) throw failure('open');
  const handle = await open.call(this, file, flags, ...rest);
  if (!patchedHandles) patchHandles(Object.getPrototypeOf(handle));
  if (inDir(file)) handles.add(handle);
  return handle;
};

for (const name of ['writeFile', 'appendFile']) {
  const original = fs.promises[name];
  fs.promises[name] = (file, ...rest) =>
    inDir(file) && active() ? Promise.reject(failure('write')) : original(file, ...rest);
}

for (const name of ['rename', 'unlink']) {
  const original = fs.promises[name];
  fs.promises[name] = (file, ...rest) =>
    code === 'EROFS' && (inDir(file) || inDir(rest[0])) && active()
      ? Promise.reject(failure(name))
      : original(file, ...rest);
}
