#!/usr/bin/env bash
# Whole-process timings anyone can rerun (hyperfine): `extract --out-dir` on 333 one-report
# files on one core and on every core, `panel` of the 333 drafts, and a five-slide deck of
# the bundled dataset (its first run timed with /usr/bin/time, then warm runs).
#
#   apt-get install hyperfine; cargo build --release; packaging/bench-folders.sh
#   GWR_BENCH_DIR=/dev/shm packaging/bench-folders.sh     # the same on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GWR_CHARTS:-target/release/gwr-charts}
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 1; }
# GWR_BENCH_DIR=/dev/shm runs on tmpfs, where a file's fsync (every draft is written
# atomically and synced) costs nothing: the drafting alone is then timed.
work=$(mktemp -d "${GWR_BENCH_DIR:-${TMPDIR:-/tmp}}/bench-folders.XXXXXX")
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
"$bin" extract "$work/reports" --out-dir "$work/drafts" > /dev/null 2>&1
hyperfine --warmup 1 --runs 10 "$bin panel $work/drafts --out $work/panel.csv"
deck="$bin export --view growth,levels,progress,trend,compare --indicator 地区生产总值 --out $work/deck.pptx"
# The deck's first run of a fresh binary (its pages not yet in the page cache, unless an
# earlier run left them there), then the same warm.
echo "five-slide deck, first run:"
/usr/bin/time -f "  %e s elapsed, %M KiB max resident" $deck > /dev/null
hyperfine --warmup 1 --runs 10 "$deck"
