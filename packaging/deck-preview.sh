#!/usr/bin/env bash
# Checks a deck with a real consumer: exports the five views of four fictional cities as
# a .pptx, converts it with LibreOffice Impress to PDF and renders each page as a PNG to
# look at (target/deck-preview/page-N.png). Not run in CI: LibreOffice is slow to install.
#
#   apt-get install libreoffice-impress poppler-utils fonts-noto-cjk
#   packaging/deck-preview.sh [OUT_DIR]          # GWR_CHARTS=path/to/gwr-charts to pick a build
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/deck-preview}
bin=${GWR_CHARTS:-}
if [ -z "$bin" ]; then
  for b in target/release/gwr-charts target/debug/gwr-charts; do
    if [ -x "$b" ]; then bin=$b; break; fi
  done
fi
if [ -z "$bin" ]; then
  cargo build --release
  bin=target/release/gwr-charts
fi
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "needs $tool (see the top of $0)" >&2; exit 1; }
done
mkdir -p "$out"
rm -f "$out"/deck.pptx "$out"/deck.pdf "$out"/page-*.png
"$bin" export --view growth,levels,progress,trend,compare --indicator 地区生产总值 \
  --data tests/reports/mianyang-2024.txt --data tests/reports/wuhu-2024.txt \
  --data tests/reports/yichang-2023.txt --data tests/reports/yichang-2024.txt \
  --data tests/reports/liuzhou-2024.txt --out "$out/deck.pptx"
# A profile of its own, so a running LibreOffice or an old profile does not interfere.
soffice -env:UserInstallation="file://$(realpath "$out")/lo-profile" \
  --headless --convert-to pdf --outdir "$out" "$out/deck.pptx" >/dev/null
pdftoppm -png -r 50 "$out/deck.pdf" "$out/page"
ls "$out"/page-*.png
