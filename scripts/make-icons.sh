#!/usr/bin/env bash
# Renders icons/icon.svg into the PNG and ICO files Tauri needs (RGBA). Idempotent: only runs
# when the SVG is newer than the PNGs. Needs rsvg-convert (librsvg2-bin) and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../icons"
if [[ -f icon.png && icon.png -nt icon.svg && -f icon.ico ]]; then exit 0; fi
for size in 32 128 256 512; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "tmp-$size.png"
done
convert_bin=/usr/bin/convert   # /usr/local/bin/convert may be a stand-in on these machines
"$convert_bin" tmp-32.png PNG32:32x32.png
"$convert_bin" tmp-128.png PNG32:128x128.png
"$convert_bin" tmp-256.png PNG32:128x128@2x.png
"$convert_bin" tmp-512.png PNG32:icon.png
"$convert_bin" tmp-32.png tmp-128.png tmp-256.png icon.ico
rm -f tmp-*.png
echo "icons: rendered from icon.svg"
