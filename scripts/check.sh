#!/usr/bin/env bash
# Every check CI runs, in the same order: formatting, clippy with warnings as
# errors, then all tests. A green run here means a green CI.
#
# On a fresh Debian machine it first installs, when run as root, the system
# packages the tests need and that are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need beyond the Rust toolchain, as `command:debian-package`:
# the command is looked for first (it may come from elsewhere, like pyenv),
# and the package installed only when the command is missing.
#   python3: the documented log verifier is run against a real log.
needs=(python3:python3)

ensure_packages() {
    local missing=()
    for need in "${needs[@]}"; do
        command -v "${need%%:*}" >/dev/null || missing+=("${need#*:}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "check.sh: missing system packages: ${missing[*]}; install them and run again" >&2
        return 1
    fi
    echo "check.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if command -v dpkg-query >/dev/null; then
    ensure_packages
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy (warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
echo "== cargo test"
cargo test --locked
