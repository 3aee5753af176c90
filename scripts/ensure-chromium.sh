#!/usr/bin/env bash
# The browser tests drive Debian's Chromium with playwright-core (no browser download). Without
# Chinese fonts every screenshot shows empty boxes, so the CJK and emoji fonts come with it.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
for font in fonts-noto-cjk fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q 'install ok installed' || packages+=("$font")
done
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} from Debian's packages…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
elif command -v chromium >/dev/null 2>&1; then
  echo "liaowang: without ${packages[*]} screenshots show no Chinese: sudo apt-get install ${packages[*]}" >&2
else
  echo "liaowang: the browser tests need Chromium: sudo apt-get install ${packages[*]}" >&2
  exit 1
fi
