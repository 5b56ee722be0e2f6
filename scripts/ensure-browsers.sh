#!/usr/bin/env bash
# The end-to-end suite drives Debian's Chromium and Firefox ESR (browser downloads are not available in CI).
# Installs whichever is missing through apt when it can (root, or sudo without a password); otherwise stops at
# once with the command to run. Does nothing when both are there.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
where=()
[ -x "$CHROMIUM" ] || { missing+=(chromium); where+=("$CHROMIUM"); }
[ -x "$FIREFOX" ] || { missing+=(firefox-esr); where+=("$FIREFOX"); }
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
command="apt-get update && apt-get install -y ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "The end-to-end tests need ${missing[*]} (nothing at ${where[*]}). Install with:" >&2
    echo "  sudo sh -c '$command'" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "The end-to-end tests need ${missing[*]}, and this machine has no apt-get: install them, then set CHROMIUM_PATH / FIREFOX_PATH." >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt: the end-to-end tests drive Debian's browsers." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
