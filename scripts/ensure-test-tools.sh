#!/usr/bin/env bash
# The system tools the test suites talk to as real peers: Debian's AWS CLI v2 (an independent reader of the
# token cache), a desktop notification daemon under Xvfb and D-Bus, openssl (the SMTP server's certificate),
# systemd-analyze (checks the generated unit) and Chromium (the status page, driven by playwright-core).
# Installs what is missing when it can (root with apt); otherwise says which suites will skip, and goes on.
set -u
need=()
[ -x /usr/bin/aws ] || need+=(awscli)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v dunst >/dev/null || need+=(dunst)
command -v notify-send >/dev/null || need+=(libnotify-bin)
command -v dbus-run-session >/dev/null || need+=(dbus)
command -v openssl >/dev/null || need+=(openssl)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v zsh >/dev/null || need+=(zsh)
command -v fish >/dev/null || need+=(fish)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing test tools: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null && exit 0
fi
echo "note: missing ${need[*]}; the tests that need them will be skipped (apt-get install -y ${need[*]})" >&2
exit 0
