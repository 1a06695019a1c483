#!/usr/bin/env bash
# Builds the Debian/Ubuntu package, target/debian/runbook_<version>_<arch>.deb:
# a release build, the manual pages and shell completions generated from the
# clap definitions by that very binary, then cargo-deb (installed with cargo
# when missing). Prints the package's path on its last line.
#
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The package's asset paths (Cargo.toml) name target/: build there whatever
# the environment says.
unset CARGO_TARGET_DIR

if ! cargo deb --version >/dev/null 2>&1; then
    echo "package.sh: installing cargo-deb"
    cargo install --locked --quiet cargo-deb
fi

cargo build --locked --release
out=target/package
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"
target/release/runbook manual "$out/man"
target/release/runbook completions bash >"$out/completions/runbook.bash"
target/release/runbook completions zsh >"$out/completions/_runbook"
target/release/runbook completions fish >"$out/completions/runbook.fish"
cargo deb --no-build --quiet
ls -t target/debian/runbook_*.deb | head -1
