#!/usr/bin/env bash
# Checks the window as an X11 window manager sees it, under Xvfb:
#   packaging/check-x11-window.sh [BINARY]      (default: target/release/gwr-charts)
# - WM_CLASS is "gwr-charts", "gwr-charts", as the desktop entry's StartupWMClass says;
# - _NET_WM_ICON holds the 256 px icon: 256, 256 and 65,536 ARGB pixels, the result bar's
#   Okabe–Ito blue among them.
# Needs xvfb and x11-utils (xprop, xwininfo). xprop shows nothing of a property this large
# unless told to read it all (-len): without it _NET_WM_ICON looks empty when it is not.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/gwr-charts}
[ -x "$binary" ] || { echo "check-x11-window: no program at $binary" >&2; exit 1; }
fail() { echo "check-x11-window: $*" >&2; exit 1; }

# shellcheck source=packaging/xvfb-window.sh
source packaging/xvfb-window.sh
start_window "$binary" ":${CHECK_DISPLAY:-93}"

window=
for _ in $(seq 120); do
  window=$(xwininfo -root -tree 2>/dev/null | awk '/"gwr-charts/ { print $1; exit }')
  [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || fail "no gwr-charts window after 60 s"

class=$(xprop -id "$window" WM_CLASS)
[ "$class" = 'WM_CLASS(STRING) = "gwr-charts", "gwr-charts"' ] || fail "$class"
echo "ok  $class"

icon=$(xprop -id "$window" -len 1000000 -f _NET_WM_ICON 32c _NET_WM_ICON | sed 's/^[^=]*= //' | tr -d ' ')
values=$(tr ',' '\n' <<<"$icon" | wc -l)
size=$(cut -d, -f1,2 <<<"$icon")
[ "$size" = "256,256" ] || fail "_NET_WM_ICON is ${size:-empty}, not 256,256"
[ "$values" -eq $((2 + 256 * 256)) ] || fail "_NET_WM_ICON holds $values values, not 2 + 256×256"
# 0xFF0072B2: the opaque Okabe–Ito blue of the result bar.
[[ ",$icon," == *,4278219442,* ]] || fail "_NET_WM_ICON has no pixel of the icon's blue"
echo "ok  _NET_WM_ICON(CARDINAL) = 256, 256, … ($values values)"
