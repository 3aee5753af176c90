#!/usr/bin/env bash
# The case report's PDF embeds a Chinese font: Debian's fonts-noto-cjk (pdfkit embeds the glyphs
# used, so readers need no font). With --with-pdftotext also poppler-utils, which the report test
# uses to read the PDF back as text.
set -euo pipefail
packages=()
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || packages+=(fonts-noto-cjk)
if [ "${1:-}" = "--with-pdftotext" ] && ! command -v pdftotext >/dev/null 2>&1; then packages+=(poppler-utils); fi
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} from Debian's packages…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "liaowang: case reports need a Chinese font (and the report test pdftotext): sudo apt-get install ${packages[*]}" >&2
  [ "${1:-}" = "--with-pdftotext" ] && exit 1
  exit 0
fi
