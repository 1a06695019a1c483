#!/usr/bin/env bash
# Every check CI runs, in the same order: formatting, clippy with warnings as
# errors, all tests, then the Debian package built (a release build) and, as
# root, installed and removed. A green run here means a green CI.
#
# On a fresh Debian machine it first installs, when run as root, the system
# packages the tests need and that are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need beyond the Rust toolchain, as `command:debian-package`
# (the command is looked for first: it may come from elsewhere, like pyenv)
# or `-:debian-package` for a library, looked up with dpkg.
#   python3: the documented log verifier is run against a real log.
#   Xvfb, mesa-vulkan-drivers (software Vulkan), libvulkan1: the kittest
#     snapshots and the real-window smoke test, with no GPU and no display.
#   libxkbcommon-x11-0, libx11-xcb1, libxcursor1, libxi6, libxrandr2: what
#     winit loads at run time to open a window on X11.
#   desktop-file-validate, man, dpkg-deb: the package's checks.
#   chromium, pdftotext: the printed binder and reports are printed to PDF
#     for real and the PDF's text read back.
#   syncthing: two real daemons, on the loopback address only, carry one
#     incident folder between two devices (the engine the README names).
#   tesseract: the wall board in a real window, photographed and scaled to
#     a third, must still read (title and level) by OCR.
needs=(
    python3:python3
    Xvfb:xvfb
    -:mesa-vulkan-drivers
    -:libvulkan1
    -:libxkbcommon-x11-0
    -:libx11-xcb1
    -:libxcursor1
    -:libxi6
    -:libxrandr2
    desktop-file-validate:desktop-file-utils
    man:man-db
    dpkg-deb:dpkg
    chromium:chromium
    pdftotext:poppler-utils
    syncthing:syncthing
    tesseract:tesseract-ocr
)

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

ensure_packages() {
    local missing=()
    for need in "${needs[@]}"; do
        local cmd=${need%%:*} pkg=${need#*:}
        if [ "$cmd" = "-" ]; then
            installed "$pkg" || missing+=("$pkg")
        else
            command -v "$cmd" >/dev/null || missing+=("$pkg")
        fi
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

# wgpu and winit complain on every start when there is no runtime folder
# (harmless, but it buries real messages in the log).
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    XDG_RUNTIME_DIR=$(mktemp -d)
    chmod 700 "$XDG_RUNTIME_DIR"
    export XDG_RUNTIME_DIR
fi

# syncthing is installed above, so its test must run here, not skip.
export RUNBOOK_REQUIRE_SYNCTHING=1

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy (warnings are errors)"
cargo clippy --locked --all-targets -- -D warnings
echo "== cargo test"
# The crate has no doc tests; leaving them out keeps the last summary line
# that of the real tests. The totals are printed once more at the end.
log=$(mktemp)
cargo test --locked --lib --bins --tests 2>&1 | tee "$log"
passed=$(grep -oE '^test result: .* ([0-9]+) passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
echo "== the Debian package (a release build)"
scripts/check-package.sh
echo "tests: $passed passed, $failed failed; package checked"
