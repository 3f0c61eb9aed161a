#!/usr/bin/env bash
# The window's resident memory at start, under Xvfb (Mesa's software renderer), on the
# bundled dataset with a fresh home (no saved state), and where it goes:
#   packaging/window-memory.sh [BINARY] [SECONDS]   (default: target/release/gwr-charts, 20)
# Prints VmRSS, its anonymous and file-backed parts, and the largest mappings.
# Needs xvfb and x11-utils (xwininfo).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/gwr-charts}
wait=${2:-20}
[ -x "$binary" ] || { echo "window-memory: no program at $binary" >&2; exit 1; }

# shellcheck source=packaging/xvfb-window.sh
source packaging/xvfb-window.sh
start_window "$binary" ":${CHECK_DISPLAY:-92}"
sleep "$wait"

grep -E '^(VmRSS|RssAnon|RssFile)' "/proc/$app/status"
# Resident kB per mapping (anonymous memory as [anon]), largest first.
awk '/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6 ? $6 : "[anon]") }
     /^Rss:/ { rss[name] += $2 }
     END { for (n in rss) printf "%8.1f MB  %s\n", rss[n] / 1024, n }' "/proc/$app/smaps" |
  sort -rn | head -8
