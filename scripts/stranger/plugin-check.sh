#!/usr/bin/env bash
# The example notifier as a stranger would build and use it, outside the workspace.
#   plugin-check.sh              part 1: pack notifier-api, build and test examples/custom-notifier in a
#                                temp folder with plain npm against that tarball, pack the plugin
#   plugin-check.sh BIN_DIR      part 1, then part 2: BIN_DIR/sso-supervisor (an installed CLI) runs the
#                                daemon with the plugin installed from its tarball beside supervisor.yaml
#   plugin-check.sh --workspace  part 2 with the workspace's own CLI (packages/cli/bin/sso-supervisor.js)
# Needs: the workspace built (pnpm install), npm and the npm registry (jest, axios, zod...).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/plugin-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
unset NODE_PATH
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
OUT="$WORK/tarballs"
mkdir -p "$OUT"

echo "== plugin-check: pack @sso-supervisor/notifier-api"
[ -f "$ROOT/packages/notifier-api/dist/cjs/index.js" ] || (cd "$ROOT/packages/notifier-api" && node scripts/build.mjs)
API_TGZ="$OUT/$(cd "$ROOT/packages/notifier-api" && npm pack --silent --pack-destination "$OUT" | tail -1)"
echo "   $API_TGZ"

echo "== plugin-check: examples/custom-notifier outside the workspace, plain npm"
PLUGIN="$WORK/custom-notifier"
mkdir -p "$PLUGIN"
tar -C "$ROOT/examples/custom-notifier" --exclude=node_modules --exclude=dist --exclude=.turbo -cf - . | tar -C "$PLUGIN" -xf -
# `workspace:*` means nothing to npm: the API comes from its tarball, as it would from the registry.
node -e '
  const fs = require("fs"); const [file, tgz] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.devDependencies["@sso-supervisor/notifier-api"] = "file:" + tgz;
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");' "$PLUGIN/package.json" "$API_TGZ"
(cd "$PLUGIN" && npm install --loglevel=error && npm run --silent build && npx --no-install jest --ci)
# Published with the API as a peer range only; the tarball path was for this build.
node -e '
  const fs = require("fs"); const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.devDependencies["@sso-supervisor/notifier-api"] = pkg.peerDependencies["@sso-supervisor/notifier-api"];
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");' "$PLUGIN/package.json"
PLUGIN_TGZ="$OUT/$(cd "$PLUGIN" && npm pack --silent --pack-destination "$OUT" | tail -1)"
echo "   $PLUGIN_TGZ"
[ $# -eq 0 ] && exit 0

BIN_DIR=$1
if [ "$BIN_DIR" = "--workspace" ]; then
  BIN_DIR="$WORK/bin"
  mkdir -p "$BIN_DIR"
  printf '#!/bin/sh\nexec node %q "$@"\n' "$ROOT/packages/cli/bin/sso-supervisor.js" > "$BIN_DIR/sso-supervisor"
  chmod +x "$BIN_DIR/sso-supervisor"
fi
[ -x "$BIN_DIR/sso-supervisor" ] || { echo "plugin-check: no sso-supervisor in $BIN_DIR" >&2; exit 2; }
echo "== plugin-check: $BIN_DIR/sso-supervisor delivers through the installed plugin"
node "$ROOT/scripts/stranger/plugin-deliver.mjs" "$BIN_DIR" "$API_TGZ" "$PLUGIN_TGZ"
