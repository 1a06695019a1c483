#!/usr/bin/env bash
# Builds the Debian package and checks it as the person preparing the
# command-room laptop would use it: the desktop entry is valid, and, when run
# as root, the package installs (with its dependencies), gives a `runbook`
# command that says its version, a manual page, completions, a menu entry and
# an icon, and removes cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(scripts/package.sh | tail -1)
echo "package: $deb"
desktop-file-validate packaging/runbook.desktop

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/runbook ./usr/share/applications/runbook.desktop \
    ./usr/share/icons/hicolor/scalable/apps/runbook.svg \
    ./usr/share/icons/hicolor/48x48/apps/runbook.png \
    ./usr/share/man/man1/runbook.1.gz ./usr/share/man/man1/runbook-incident-note.1.gz \
    ./usr/share/bash-completion/completions/runbook \
    ./usr/share/zsh/vendor-completions/_runbook \
    ./usr/share/fish/vendor_completions.d/runbook.fish \
    ./usr/share/runbook/plans/online-education-platform.ron \
    ./usr/share/doc/runbook/copyright ./usr/share/doc/runbook/font-OFL.txt; do
    grep -qxF "$f" <<<"$contents" || { echo "package: $f is missing" >&2; exit 1; }
done

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "package: built and its contents checked; installing it needs root (skipped)"
    exit 0
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
version=$(/usr/bin/runbook --version)
grep -q "plan format" <<<"$version" || { echo "package: runbook --version says $version" >&2; exit 1; }
man -w runbook >/dev/null
man -w runbook-incident-note >/dev/null
test -f /usr/share/bash-completion/completions/runbook
/usr/bin/runbook check /usr/share/runbook/plans/online-education-platform.ron >/dev/null
dpkg -r runbook >/dev/null
for f in /usr/bin/runbook /usr/share/applications/runbook.desktop /usr/share/man/man1/runbook.1.gz; do
    if [ -e "$f" ]; then
        echo "package: $f is left after dpkg -r" >&2
        exit 1
    fi
done
echo "package: installed ($version), man page, completions and plans found, removed cleanly"
