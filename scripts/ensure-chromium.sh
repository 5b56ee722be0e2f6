#!/usr/bin/env bash
# The end-to-end suite drives Debian's Chromium (browser downloads are not available in CI).
# Installs it through apt when it is missing; does nothing when it is there.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Chromium not found at $CHROMIUM: installing the Debian package" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
"$CHROMIUM" --version
