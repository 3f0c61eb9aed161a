#!/usr/bin/env bash
# Builds a plain tarball for distributions without .deb (a release build: not part of CI),
# laid out as a prefix, so that
#   tar -xzf gwr-charts-VERSION-ARCH-linux.tar.gz --strip-components=1 -C ~/.local
# installs the binary, the desktop entry and the icons for the current user.
# Then checks the unpacked tarball with check-install.sh. Needs desktop-file-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
binary=${CARGO_TARGET_DIR:-target}/release/gwr-charts
version=$("$binary" --version | cut -d' ' -f2)
name=gwr-charts-$version-$(uname -m)-linux
out=${CARGO_TARGET_DIR:-target}/packages
mkdir -p "$out"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/$name
install -Dm755 "$binary" "$root/bin/gwr-charts"
strip "$root/bin/gwr-charts"
install -Dm644 packaging/gwr-charts.desktop "$root/share/applications/gwr-charts.desktop"
for png in assets/icon/gwr-charts-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -Dm644 "$png" "$root/share/icons/hicolor/${size}x${size}/apps/gwr-charts.png"
done
install -Dm644 assets/icon/gwr-charts.svg "$root/share/icons/hicolor/scalable/apps/gwr-charts.svg"
install -Dm644 -t "$root/share/doc/gwr-charts" README.md packaging/NOTICE LICENSE-MIT LICENSE-APACHE \
  assets/fonts/LICENSE-OFL.txt

tar -czf "$out/$name.tar.gz" -C "$stage" --owner=0 --group=0 "$name"
echo "built $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"

unpacked=$(mktemp -d)
trap 'rm -rf "$stage" "$unpacked"' EXIT
tar -xzf "$out/$name.tar.gz" -C "$unpacked"
(cd "$unpacked" && find . -type f | sort)
packaging/check-install.sh "$unpacked/$name"
