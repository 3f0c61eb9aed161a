#!/usr/bin/env bash
# Renders the app icon's PNG sizes and the Windows .ico from gwr-charts.svg (commit the outputs).
# Needs rsvg-convert and ImageMagick (Debian: apt-get install librsvg2-bin imagemagick).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" gwr-charts.svg --output "gwr-charts-$size.png"
done
# Embedded in gwr-charts.exe by build.rs; the 256 px entry is stored as PNG.
convert gwr-charts-{16,24,32,48,64,256}.png gwr-charts.ico
ls -l gwr-charts-*.png gwr-charts.ico
