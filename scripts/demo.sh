#!/usr/bin/env bash
# Runs the didi demo: scans an embedded sample site and writes every report
# into ./didi-demo/. Installs Chromium first when it is missing and this
# machine lets us (root or password-less sudo with apt-get, or Homebrew).
# Set DIDI_NO_INSTALL=1 to never install anything.
set -euo pipefail
cd "$(dirname "$0")/.."

have_browser() {
  [ -n "${DIDI_BROWSER:-}" ] && [ -x "${DIDI_BROWSER}" ] && return 0
  for b in chromium chromium-browser google-chrome google-chrome-stable chrome; do
    command -v "$b" >/dev/null 2>&1 && return 0
  done
  return 1
}

install_browser() {
  [ "${DIDI_NO_INSTALL:-}" = 1 ] && return 1
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      sudo -n true 2>/dev/null || return 1
      sudo="sudo -n"
    fi
    echo "demo: installing Chromium with apt-get" >&2
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    echo "demo: installing Chromium with Homebrew" >&2
    brew install --cask chromium
  else
    return 1
  fi
}

if ! have_browser; then
  install_browser || echo "demo: no Chromium found and not allowed to install it; the demo runs without a browser." >&2
fi
go run ./cmd/didi demo "$@"
