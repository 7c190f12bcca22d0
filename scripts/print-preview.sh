#!/bin/sh
# Print the HTML summary to PDF with headless Chromium and turn each page into a PNG, to look at the
# printed pages (marking on every page, meetings on new pages, black-and-white readability).
#
#   scripts/print-preview.sh [BRIEFING.json] [OUT_DIR]
#
# Needs Debian's chromium and poppler-utils (pdftoppm). Writes only into OUT_DIR (default: a new
# temporary directory), never into the repository; nothing it writes is meant to be committed.
set -eu
briefing_file=${1:-}
out_dir=${2:-$(mktemp -d)}
python=${PYTHON:-/work/.venv/bin/python}
mkdir -p "$out_dir"
if [ -n "$briefing_file" ]; then
    "$python" -m briefing print "$briefing_file" --format html --output "$out_dir/summary.html" --force
else
    "$python" -m briefing print --format html --output "$out_dir/summary.html" --force
fi
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out_dir/summary.pdf" "$out_dir/summary.html" 2>/dev/null
pdftoppm -png -r 60 "$out_dir/summary.pdf" "$out_dir/page"
echo "pages: $(ls "$out_dir"/page-*.png | wc -l) in $out_dir" >&2
