#!/usr/bin/env bash
# Whole-process timings anyone can rerun (hyperfine): `extract --out-dir` on 333 one-report
# files on one core and on every core, `panel` of the 333 drafts, and a five-slide deck.
#
#   apt-get install hyperfine; cargo build --release; packaging/bench-folders.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GWR_CHARTS:-target/release/gwr-charts}
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/reports"
# The fictional reports of tests/reports, copied round to 333 files.
n=0
while [ "$n" -lt 333 ]; do
  for f in tests/reports/*.txt; do
    [ "$n" -lt 333 ] || break
    cp "$f" "$work/reports/$(printf %03d "$n")-$(basename "$f")"
    n=$((n + 1))
  done
done
cores=$(nproc)
hyperfine --warmup 1 --runs 5 -L jobs "1,$cores" \
  --prepare "rm -rf $work/drafts" \
  "$bin extract $work/reports --out-dir $work/drafts --jobs {jobs}"
"$bin" extract "$work/reports" --out-dir "$work/drafts" > /dev/null
hyperfine --warmup 1 --runs 10 "$bin panel $work/drafts --out $work/panel.csv"
hyperfine --warmup 1 --runs 10 \
  "$bin export --view growth,levels,progress,trend,compare --indicator 地区生产总值 --out $work/deck.pptx"
