#!/usr/bin/env bash
# Builds the .deb (a release build: not part of CI), unpacks it with dpkg-deb -x into a
# temporary folder and checks it with check-install.sh.
# Needs: cargo install cargo-deb; Debian packages dpkg-dev (for the automatic Depends) and
# desktop-file-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(cargo deb --locked | tail -n 1)
[ -f "$deb" ] || { echo "build-deb: cargo deb printed no package path (got: $deb)" >&2; exit 1; }
echo "built $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
(cd "$unpacked" && find . -type f | sort)
packaging/check-install.sh "$unpacked/usr"
