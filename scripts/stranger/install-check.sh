#!/usr/bin/env bash
# The stranger stage: the CLI as someone without this repository gets it. Packs the CLI, installs the tarball
# with plain npm into a fresh prefix, from a folder outside the workspace with NODE_PATH and pnpm's paths unset,
# then runs the installed `sso-supervisor`: --version, a short demo, `install --dry-run` (the unit must start
# the installed bin), what `status` and a role-cache hit load (no AWS SDK, no notifier vendor), and Debian's
# AWS CLI reading `credential_process = sso-supervisor credentials --profile …` against the emulator.
# Then scripts/stranger/plugin-check.sh <bin-dir>, when it exists. Usage: install-check.sh [work-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/sso-stranger-XXXXXX)}"
mkdir -p "$WORK"
WORLD_PID=""
cleanup() {
  [ -n "$WORLD_PID" ] && kill "$WORLD_PID" 2>/dev/null && wait "$WORLD_PID" 2>/dev/null
  [ -z "${KEEP_STRANGER:-}" ] && rm -rf "$WORK"
  return 0
}
trap cleanup EXIT
fail() {
  echo "stranger: FAILED: $*" >&2
  exit 1
}
step() { echo "stranger: $*"; }

step "packing the CLI (pnpm pack runs the bundle)"
pnpm -C "$ROOT/packages/cli" pack --pack-destination "$WORK" >/dev/null
TARBALL="$(ls "$WORK"/sso-supervisor-cli-*.tgz)"
VERSION="$(node -p "require('$ROOT/packages/cli/package.json').version")"
tar -xzOf "$TARBALL" package/package.json | node -e '
  const m = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const deps = Object.keys({ ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies });
  const bad = deps.filter((d) => d.startsWith("@sso-supervisor/"));
  if (m.private || bad.length) { console.error(`private: ${m.private}; workspace deps: ${bad}`); process.exit(1); }
' || fail "the packed package.json is private or names a workspace package"

# Nothing of the workspace or of pnpm is reachable: a clean environment, a fresh HOME, a folder under /tmp.
NODE_DIR="$(dirname "$(command -v node)")"
PREFIX="$WORK/prefix"
STRANGER_HOME="$WORK/home"
mkdir -p "$STRANGER_HOME" "$WORK/elsewhere"
for dir in /node_modules /tmp/node_modules "$WORK/node_modules"; do
  [ -e "$dir" ] && fail "$dir exists; node would resolve modules from it"
done
# What reaching the registry takes on this machine passes through (a proxy, its CA, the user's npmrc and cache).
NET_ENV=(npm_config_userconfig="$(npm config get userconfig)" npm_config_cache="$(npm config get cache)")
for name in NODE_EXTRA_CA_CERTS SSL_CERT_FILE HTTPS_PROXY HTTP_PROXY NO_PROXY https_proxy http_proxy no_proxy; do
  [ -n "${!name:-}" ] && NET_ENV+=("$name=${!name}")
done
stranger() {
  env -i HOME="$STRANGER_HOME" PATH="$PREFIX/bin:$NODE_DIR:/usr/bin:/bin" LANG=C.UTF-8 NO_COLOR=1 \
    npm_config_update_notifier=false "${NET_ENV[@]}" "$@"
}
cd "$WORK/elsewhere"

step "npm i -g --prefix $PREFIX $(basename "$TARBALL")"
stranger npm i -g --prefix "$PREFIX" "$TARBALL" --no-audit --no-fund --loglevel=error >/dev/null
PACKAGE="$PREFIX/lib/node_modules/@sso-supervisor/cli"
[ -x "$PREFIX/bin/sso-supervisor" ] || fail "no sso-supervisor in $PREFIX/bin"
[ "$(stranger sh -c 'command -v sso-supervisor')" = "$PREFIX/bin/sso-supervisor" ] ||
  fail "sso-supervisor on PATH is not the installed one"
[ -e "$PACKAGE/node_modules/@sso-supervisor" ] && fail "the install pulled in @sso-supervisor/* packages"

step "sso-supervisor --version"
[ "$(stranger sso-supervisor --version)" = "$VERSION" ] || fail "--version did not print $VERSION"

step "sso-supervisor demo --duration 12"
stranger sso-supervisor demo --duration 12 >"$WORK/demo.out" 2>&1 || {
  cat "$WORK/demo.out"
  fail "demo exited non-zero"
}
grep -q '"event":"token.refreshed"' "$WORK/demo.out" || {
  cat "$WORK/demo.out"
  fail "the demo refreshed nothing"
}
grep -q 'demo: done' "$WORK/demo.out" || fail "the demo did not finish"

step "the emulator and a throw-away AWS home"
node "$ROOT/scripts/stranger/emulator-world.js" "$WORK/world.env" >"$WORK/world.out" 2>&1 &
WORLD_PID=$!
for _ in $(seq 1 100); do grep -q ready "$WORK/world.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$WORK/world.out" || fail "the emulator did not start: $(cat "$WORK/world.out")"
# shellcheck disable=SC1091
WORLD_ENV=()
while IFS= read -r line; do WORLD_ENV+=("$(eval "printf '%s' ${line#export }")"); done <"$WORK/world.env"
in_world() { stranger env "${WORLD_ENV[@]}" "$@"; }

step "install --dry-run starts the installed bin"
in_world sso-supervisor install --dry-run >"$WORK/install.out" 2>&1 || fail "install --dry-run: $(cat "$WORK/install.out")"
grep -q "^ExecStart=$(command -v node | xargs realpath) $PACKAGE/bin/sso-supervisor.js run" "$WORK/install.out" ||
  grep -q "^ExecStart=.* $PACKAGE/bin/sso-supervisor.js run" "$WORK/install.out" || {
  cat "$WORK/install.out"
  fail "the unit does not start $PACKAGE/bin/sso-supervisor.js"
}

step "what status and a role-cache hit load"
cat >"$WORK/loaded.js" <<'JS'
process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(file);
    if (m && m[1] !== '@sso-supervisor') names.add(m[1]);
  }
  require('node:fs').writeFileSync(process.env.LOADED_OUT, [...names].sort().join('\n') + '\n');
});
JS
in_world sso-supervisor credentials --profile corp-dev >/dev/null || fail "credentials --profile corp-dev"
for cmd in "status" "credentials --profile corp-dev"; do
  # shellcheck disable=SC2086
  in_world LOADED_OUT="$WORK/loaded.txt" node -r "$WORK/loaded.js" "$PACKAGE/bin/sso-supervisor.js" $cmd >/dev/null ||
    fail "$cmd exited non-zero"
  heavy="$(grep -E '^(@aws-sdk/|@smithy/|winston|axios|nodemailer|@slack/|node-notifier|cron)' "$WORK/loaded.txt" || true)"
  [ -z "$heavy" ] || fail "$cmd loaded $(echo "$heavy" | tr '\n' ' ')"
  step "  $cmd loads: $(tr '\n' ' ' <"$WORK/loaded.txt")"
done

step "Debian's aws: credential_process = sso-supervisor credentials --profile corp-dev"
[ -x /usr/bin/aws ] || fail "/usr/bin/aws is missing (apt-get install -y awscli)"
ours="$(in_world sso-supervisor credentials --profile corp-dev)"
theirs="$(in_world /usr/bin/aws configure export-credentials --profile stranger --format process)"
node -e '
  const [ours, theirs] = process.argv.slice(1).map((s) => JSON.parse(s));
  for (const k of ["AccessKeyId", "SecretAccessKey", "SessionToken"])
    if (!ours[k] || ours[k] !== theirs[k]) { console.error(`aws read a different ${k}`); process.exit(1); }
' "$ours" "$theirs" || fail "aws did not get the credentials sso-supervisor gives"

if [ -f "$ROOT/scripts/stranger/plugin-check.sh" ]; then
  step "plugin-check.sh $PREFIX/bin"
  bash "$ROOT/scripts/stranger/plugin-check.sh" "$PREFIX/bin"
fi
step "ok"
