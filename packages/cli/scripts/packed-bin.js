#!/usr/bin/env node
'use strict';
// The installed `sso-supervisor` (copied to bin/ of the packed CLI by scripts/bundle.mjs). It loads the one
// bundle, dist/main.js. For the short commands it goes through a V8 code cache: compiling the bundle is most
// of their start, and `credentials` runs on every AWS SDK call that needs credentials (Node 20 has no
// module.enableCompileCache). Code from a vm.Script has no working import() on Node 20 (with cachedData, not
// even with vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, which also warns on stderr), and `module:` plugins
// load through import(): the commands that may load one (run, validate, notify, demo, ...) use plain require.
const args = process.argv.slice(2);
// Commands that read sessions only and never load a notifier module.
const CACHED = new Set([
  'status',
  'credentials',
  'token',
  'refresh',
  'login',
  'logs',
  'profiles',
  'completion',
]);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before anything loads: a version check is what scripts and installers run most.
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // The SDK warns on every load that its 2027 releases need Node 22; a one-shot command or a
  // credential_process cannot act on that, and it would land in every user's terminal.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const bundle = require('node:path').join(__dirname, '..', 'dist', 'main.js');
  (CACHED.has(commandName(args)) ? loadBundle(bundle) : require(bundle)).main(process.argv).then((code) => {
    process.exitCode = code;
  });
}

/** The first word that is not an option or the value of --config: the command commander will run. */
function commandName(words) {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '-c' || words[i] === '--config') i++;
    else if (!words[i].startsWith('-')) return words[i];
  }
  return undefined;
}

/** The cache file for this bundle and this node: V8 checks only the source's length, so the key names the file's size and mtime. */
function cacheFile(fs, path, file) {
  if (process.env.SSO_SUPERVISOR_NO_CODE_CACHE) return undefined;
  const home = process.env.HOME || require('node:os').homedir();
  const dir = process.env.XDG_CACHE_HOME || (home && path.join(home, '.cache'));
  if (!dir || !path.isAbsolute(dir)) return undefined;
  const { size, mtimeMs } = fs.statSync(file);
  const key = `${process.version}-${process.arch}-${size}-${Math.floor(mtimeMs)}`;
  return path.join(dir, 'sso-supervisor', `code-cache-${key}.bin`);
}

/** require(file) through vm.Script with cachedData; writes the cache at exit when there was none or V8 refused it. */
function loadBundle(file) {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const Module = require('node:module');
  let cachePath;
  let cachedData;
  try {
    cachePath = cacheFile(fs, path, file);
    if (cachePath) cachedData = fs.readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod.loaded = true;
  const wrapper = script.runInThisContext({ displayErrors: true });
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  if (cachePath && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit, so the cache holds the functions this command compiled, not only the top level.
    process.once('exit', () => writeCache(fs, path, cachePath, script));
  }
  return mod.exports;
}

/** Atomic and private (a rename of a 0600 file); a cache that cannot be written is only a slower start. */
function writeCache(fs, path, cachePath, script) {
  const temp = `${cachePath}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cachePath), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, cachePath);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
