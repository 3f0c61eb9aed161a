#!/usr/bin/env bash
# Checks an installed tree the way a desktop and a user meet it:
#   packaging/check-install.sh PREFIX   (PREFIX: usr/ of an unpacked .deb, or the tarball's folder)
# The entry validates; its Exec and Icon resolve inside PREFIX (every hicolor size of
# assets/icon, and the SVG); the binary runs from an empty folder with no repository beside it,
# so the dataset and fonts it shows must be compiled in.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(cd "${1:?usage: check-install.sh PREFIX}" && pwd)
fail() { echo "check-install: $*" >&2; exit 1; }

entry=$prefix/share/applications/gwr-charts.desktop
[ -f "$entry" ] || fail "no desktop entry at $entry"
desktop-file-validate "$entry"
program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
icon=$(sed -n 's/^Icon=//p' "$entry")
binary=$prefix/bin/$program
[ -x "$binary" ] || fail "Exec=$program, but $binary is missing or not executable"
echo "ok  Exec=$program -> ${binary#"$prefix"/}"

for png in "$repo"/assets/icon/gwr-charts-*.png; do
  size=${png##*-}
  size=${size%.png}
  installed=$prefix/share/icons/hicolor/${size}x${size}/apps/$icon.png
  cmp -s "$png" "$installed" || fail "Icon=$icon: ${size}x${size} missing or not assets/icon's at $installed"
done
cmp -s "$repo/assets/icon/gwr-charts.svg" "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ||
  fail "Icon=$icon: scalable SVG missing"
echo "ok  Icon=$icon -> share/icons/hicolor/{$(cd "$prefix/share/icons/hicolor" && ls -d -- */ | tr -d / | paste -sd,)}/apps/"

# The program's licences and the fonts', beside the NOTICE that names them.
for file in NOTICE LICENSE-MIT LICENSE-APACHE LICENSE-OFL.txt; do
  [ -f "$prefix/share/doc/gwr-charts/$file" ] || fail "share/doc/gwr-charts/$file is missing"
done
cmp -s "$repo/LICENSE-MIT" "$prefix/share/doc/gwr-charts/LICENSE-MIT" || fail "LICENSE-MIT differs from the repository's"
echo "ok  licences: share/doc/gwr-charts/{NOTICE,LICENSE-MIT,LICENSE-APACHE,LICENSE-OFL.txt}"

for font in "Noto Sans CJK JP Regular" "Noto Sans CJK JP Bold"; do
  grep -qaF "$font" "$binary" || fail "font '$font' is not compiled into $binary"
done
echo "ok  fonts compiled in (Noto Sans SC subset, regular and bold)"

empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
cd "$empty"
echo "ok  $("$binary" --version)   (run from $empty)"
indicators=$("$binary" list --json | grep -c '"id"') || fail "list printed no indicator"
echo "ok  bundled dataset: 'gwr-charts list --json' shows $indicators indicators (run from $empty)"
