#!/usr/bin/env bash
# Whole-process timings anyone can rerun (hyperfine): `extract --out-dir` on 333 one-report
# files on one core and on every core (taskset, util-linux), `panel` of the 333 drafts, and
# a five-slide deck of the bundled dataset (its first run timed with /usr/bin/time, then
# warm runs).
#
#   apt-get install hyperfine; cargo build --release; packaging/bench-folders.sh
#   GWR_BENCH_DIR=/dev/shm packaging/bench-folders.sh     # the same on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GWR_CHARTS:-target/release/gwr-charts}
[ -x "$bin" ] || { echo "build it first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d "${GWR_BENCH_DIR:-${TMPDIR:-/tmp}}/bench-folders.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/reports" "$work/old"
# 333 full-length reports: the fictional ones of tests/reports/long (15,000+ characters,
# .txt and saved .html pages) copied round. GWR_BENCH_SHORT=1 takes the short fixtures of
# tests/reports instead, where the program's start (its tables) weighs more.
if [ -n "${GWR_BENCH_SHORT:-}" ]; then
  set -- tests/reports/*.txt
else
  set -- tests/reports/long/*.txt tests/reports/long/*.html
fi
n=0
while [ "$n" -lt 333 ]; do
  for f in "$@"; do
    [ "$n" -lt 333 ] || break
    cp "$f" "$work/reports/$(printf %03d "$n")-$(basename "$f")"
    n=$((n + 1))
  done
done
# One core: the process held to core 0 with one worker; then every core. Each run drafts
# into a new folder: the last run's drafts are moved aside, not deleted, because on ext4
# the inodes of hundreds of files deleted a moment before make the next run's file
# creation slow (the allocator steps over recently freed inodes), which would time the
# deletion rather than the run. The second table is a rerun over drafts already there.
runs="$bin extract $work/reports --out-dir $work/drafts"
hyperfine --warmup 1 --runs 5 \
  --prepare "sh -c 'mv $work/drafts $work/old/\$(date +%s%N) 2>/dev/null; true'" \
  "taskset -c 0 $runs --jobs 1" "$runs"
hyperfine --warmup 1 --runs 5 "taskset -c 0 $runs --jobs 1" "$runs"
rm -rf "$work/old"
"$bin" extract "$work/reports" --out-dir "$work/drafts" > /dev/null 2>&1
hyperfine --warmup 1 --runs 10 "$bin panel $work/drafts --out $work/panel.csv"
deck="$bin export --view growth,levels,progress,trend,compare --indicator 地区生产总值 --out $work/deck.pptx"
# The deck's first run of a fresh binary (its pages not yet in the page cache, unless an
# earlier run left them there), then the same warm.
echo "five-slide deck, first run:"
/usr/bin/time -f "  %e s elapsed, %M KiB max resident" $deck > /dev/null
hyperfine --warmup 1 --runs 10 "$deck"
