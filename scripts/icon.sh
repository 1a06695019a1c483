#!/usr/bin/env bash
# Renders the application icon's PNG sizes from assets/icon/runbook.svg.
#
# Usage: scripts/icon.sh          regenerate assets/icon/runbook-<n>.png
#
# The PNGs are committed (the window embeds the 256 px one as its own icon,
# the package installs every size in the hicolor theme), so a build needs
# no SVG renderer; run this again only when the SVG changes. It uses
# rsvg-convert (Debian's librsvg2-bin), installed when missing and root.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -q librsvg2-bin >/dev/null
    else
        echo "scripts/icon.sh: needs rsvg-convert (apt-get install librsvg2-bin)" >&2
        exit 1
    fi
fi

for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" \
        assets/icon/runbook.svg -o "assets/icon/runbook-$size.png"
done
echo "icons: $(ls assets/icon/runbook-*.png | wc -l) sizes from assets/icon/runbook.svg"
