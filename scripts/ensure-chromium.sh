#!/usr/bin/env bash
# The browser test drives Debian's Chromium with playwright-core (no browser download).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "liaowang: the browser test needs Chromium: sudo apt-get install chromium" >&2
  exit 1
fi
