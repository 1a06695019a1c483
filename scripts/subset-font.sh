#!/usr/bin/env bash
# Regenerates the bundled CJK font, assets/fonts/NotoSansCJKsc-Regular-subset.otf,
# so that runbook renders Chinese on a machine with no CJK font installed and
# no network at run time.
#
# Usage:
#   scripts/subset-font.sh           regenerate the font, then verify it
#   scripts/subset-font.sh --check   only verify that the committed font covers
#                                    every character of plans/*.ron and
#                                    src/**/*.rs (exit 1 if any is missing)
#
# Run it again whenever a plan or a UI string gains a character the font may
# not have; the output is byte-for-byte reproducible from the same inputs.
#
# Source: face 2 ("Noto Sans CJK SC", checked from the name table before use)
# of /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc from Debian's
# fonts-noto-cjk package (SIL OFL 1.1; see assets/fonts/README.md and OFL.txt).
#
# Character set (Unicode code points asked of pyftsubset; those the face does
# not have are simply skipped):
#   - all of GB 2312: every valid 2-byte code 0xA1-0xF7 x 0xA1-0xFE decoded
#     with Python's gb2312 codec (6763 hanzi + 682 symbols)
#   - printable ASCII U+0020-U+007E and Latin-1 U+00A0-U+00FF
#   - General Punctuation U+2000-U+206F (dashes, quotes, ellipsis, bullet)
#   - Number Forms / Roman numerals U+2160-U+217F, Arrows U+2190-U+21FF
#   - Enclosed Alphanumerics (circled numbers) U+2460-U+24FF
#   - CJK Symbols and Punctuation U+3000-U+303F
#   - Halfwidth and Fullwidth Forms U+FF00-U+FFEF
#   - every character of every file plans/*.ron and src/**/*.rs, so plan text
#     and UI strings are covered even outside GB 2312
#   Control characters (category Cc) are left out.
#
# pyftsubset options and why:
#   --font-number=2          the SC face of the collection
#   --layout-features=...    only the GSUB/GPOS features egui's shaper
#                            (harfrust, horizontal text, no language set)
#                            applies by default; 'locl' (Japanese/Korean/
#                            Traditional forms, ~5800 extra glyphs, +1.2 MB)
#                            and the vertical/proportional features are dropped
#   --no-hinting             CFF hints off: ~280 KB smaller. egui 0.37 hints by
#                            default; with no hints its CFF hinter has nothing
#                            to snap, so glyphs are drawn unhinted (smooth).
#                            Remove this flag if small text looks too soft.
#   (no --desubroutinize)    it makes the file bigger (measured)
#   --drop-tables+=vhea,vmtx,VORG   vertical metrics; egui lays out horizontally
#   --name-IDs=0-7,13,14     keeps copyright (0), names (1-6), trademark (7),
#                            licence description (13) and licence URL (14)
#   plain OpenType/CFF output (no WOFF flavor)
#
# Needs python3 with fontTools (pip install fonttools) and, to regenerate,
# the fonts-noto-cjk package; when run as root it installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC_TTC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
FACE=2
FAMILY="Noto Sans CJK SC"
OUT=assets/fonts/NotoSansCJKsc-Regular-subset.otf
FEATURES=ccmp,calt,liga,clig,rlig,kern,mark,mkmk

mode=generate
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "subset-font.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
esac

is_root() { [ "$(id -u)" -eq 0 ]; }

ensure_fonttools() {
    python3 -c 'import fontTools.subset' 2>/dev/null && return 0
    if is_root; then
        echo "subset-font.sh: installing fonttools from PyPI"
        python3 -m pip install -q fonttools
    else
        echo "subset-font.sh: fontTools missing: pip install fonttools" >&2
        return 1
    fi
}

ensure_source_font() {
    [ -f "$SRC_TTC" ] && return 0
    if is_root && command -v apt-get >/dev/null; then
        echo "subset-font.sh: installing fonts-noto-cjk"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk
    else
        echo "subset-font.sh: $SRC_TTC missing: apt-get install fonts-noto-cjk" >&2
        return 1
    fi
}

# Python helpers, one script with subcommands:
#   face-check TTC N FAMILY     fail unless face N's family (name ID 1) is FAMILY
#   charset FILE                write the wanted code points, one U+XXXX a line
#   verify FONT [TTC N]         check FONT covers the plan/source characters
#                               and, given the source face, everything wanted
#                               that the source face has
helper() {
    python3 - "$@" <<'PY'
import glob
import sys
import unicodedata

RANGES = [
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 punctuation, symbols, letters
    (0x2000, 0x206F),  # General Punctuation
    (0x2160, 0x217F),  # Roman numerals
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # circled numbers
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
MUST_HAVE = "《》、，。：；（）—“”特别重大→←"


def gb2312():
    cps = set()
    for a in range(0xA1, 0xF8):
        for b in range(0xA1, 0xFF):
            try:
                cps.update(map(ord, bytes([a, b]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return cps


def text_files():
    files = glob.glob("plans/*.ron") + glob.glob("src/**/*.rs", recursive=True)
    return sorted(files)


def text_chars():
    """Code point -> first 'file:line' where it occurs, control characters left out."""
    where = {}
    for path in text_files():
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                for ch in line:
                    cp = ord(ch)
                    if cp not in where and unicodedata.category(ch) != "Cc":
                        where[cp] = f"{path}:{lineno}"
    return where


def wanted():
    cps = gb2312()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(text_chars())
    return {cp for cp in cps if unicodedata.category(chr(cp)) != "Cc"}


def describe(cp):
    return f"U+{cp:04X} {chr(cp)!r} {unicodedata.name(chr(cp), '?')}"


def face_check(ttc, n, family):
    from fontTools.ttLib import TTCollection

    coll = TTCollection(ttc, lazy=True)
    for i, font in enumerate(coll.fonts):
        print(f"  face {i}: {font['name'].getDebugName(1)}")
    got = coll.fonts[int(n)]["name"].getDebugName(1)
    if got != family:
        sys.exit(f"subset-font.sh: face {n} is {got!r}, expected {family!r}")
    print(f"face {n} is {family!r}: ok")


def charset(out):
    cps = wanted()
    with open(out, "w") as f:
        f.writelines(f"U+{cp:04X}\n" for cp in sorted(cps))
    print(f"{len(cps)} code points wanted ({len(text_files())} plan/source files scanned)")


def verify(font_path, ttc=None, n=None):
    from fontTools.ttLib import TTFont

    font = TTFont(font_path, lazy=True)
    cmap = font.getBestCmap()
    print(f"{font_path}: {len(cmap)} code points mapped, {font['maxp'].numGlyphs} glyphs")
    failed = False

    src_cmap = None
    if ttc is not None:
        src_cmap = TTFont(ttc, fontNumber=int(n), lazy=True).getBestCmap()
        lost = sorted(cp for cp in wanted() if cp in src_cmap and cp not in cmap)
        if lost:
            failed = True
            print(f"ERROR: {len(lost)} wanted code points the source face has are not in the subset:")
            for cp in lost[:50]:
                print("  " + describe(cp))

    missing = {cp: at for cp, at in text_chars().items() if cp not in cmap}
    # Characters the source face itself lacks cannot be fixed by subsetting;
    # egui falls back to its other fonts for those. They are listed either way.
    for cp, at in sorted(missing.items()):
        reason = ""
        if src_cmap is not None:
            reason = " (not in the source face either)" if cp not in src_cmap else ""
        print(f"MISSING from plans/sources: {describe(cp)} first at {at}{reason}")
    if missing and (src_cmap is None or any(cp in src_cmap for cp in missing)):
        failed = True
    if not missing:
        print(f"all {len(text_chars())} distinct characters of plans/*.ron and src/**/*.rs are covered")

    absent = [ch for ch in MUST_HAVE if ord(ch) not in cmap]
    if absent:
        failed = True
        print("ERROR: must-have characters missing: " + " ".join(absent))
    else:
        print(f"must-have characters covered: {MUST_HAVE}")
    sys.exit(1 if failed else 0)


cmd, args = sys.argv[1], sys.argv[2:]
{"face-check": face_check, "charset": charset, "verify": verify}[cmd](*args)
PY
}

ensure_fonttools

if [ "$mode" = check ]; then
    helper verify "$OUT"
    exit 0
fi

ensure_source_font
helper face-check "$SRC_TTC" "$FACE" "$FAMILY"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
helper charset "$tmp/unicodes.txt"

# pyftsubset, run as a module so a console script missing from PATH does not matter
python3 -m fontTools.subset "$SRC_TTC" \
    --font-number="$FACE" \
    --unicodes-file="$tmp/unicodes.txt" \
    --layout-features="$FEATURES" \
    --no-hinting \
    --drop-tables+=vhea,vmtx,VORG \
    --name-IDs=0,1,2,3,4,5,6,7,13,14 \
    --output-file="$tmp/out.otf"

helper verify "$tmp/out.otf" "$SRC_TTC" "$FACE"
mkdir -p "$(dirname "$OUT")"
mv "$tmp/out.otf" "$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
