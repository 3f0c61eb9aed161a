#!/usr/bin/env bash
# Builds "GWR Charts.app" and packs it in a .dmg. Runs on macOS only (iconutil, hdiutil);
# the release workflow runs it on a version tag. Output: target/packages/*.dmg.
# Not signed with a developer identity: the first start needs Open Anyway (README, Install).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked
target=${CARGO_TARGET_DIR:-target}
version=$("$target/release/gwr-charts" --version | cut -d' ' -f2)
out=$target/packages
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

app="$stage/GWR Charts.app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$target/release/gwr-charts" "$app/Contents/MacOS/"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"

# iconutil wants icon_NxN.png and icon_NxN@2x.png (2N px) names.
iconset="$stage/gwr-charts.iconset"
mkdir "$iconset"
for size in 16 32 128 256 512; do
  cp "assets/icon/gwr-charts-$size.png" "$iconset/icon_${size}x${size}.png"
  if [ "$size" -lt 512 ]; then
    cp "assets/icon/gwr-charts-$((size * 2)).png" "$iconset/icon_${size}x${size}@2x.png"
  fi
done
iconutil --convert icns --output "$app/Contents/Resources/gwr-charts.icns" "$iconset"
rm -r "$iconset"
# Ad-hoc signature (no developer identity): Apple silicon runs only signed code, and a sealed
# bundle gets Gatekeeper's "Open Anyway" instead of "damaged".
codesign --force --deep --sign - "$app"

mkdir -p "$out"
ln -s /Applications "$stage/Applications"
dmg="$out/gwr-charts-$version-macos-$(uname -m).dmg"
hdiutil create -volname "GWR Charts" -srcfolder "$stage" -format UDZO -ov "$dmg"
echo "built $dmg"
