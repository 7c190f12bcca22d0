#!/usr/bin/env bash
# Build a wheelhouse: the briefing wheel and a wheel of every runtime dependency, for machines that
# cannot reach a package index. Run it on a connected machine with the same Python version (3.11+) and
# platform as the target, then copy the folder over (USB stick, file share) and install with:
#
#   python3 -m venv ~/briefing-venv
#   ~/briefing-venv/bin/pip install --no-index --find-links WHEELHOUSE briefing
#
# Usage: scripts/build-wheelhouse.sh [WHEELHOUSE]   (default: ./wheelhouse)
set -euo pipefail

project=$(cd "$(dirname "$0")/.." && pwd)
wheelhouse=${1:-wheelhouse}
mkdir -p "$wheelhouse"
python3 -m pip wheel --quiet --wheel-dir "$wheelhouse" "$project"
echo "Wheelhouse ready in $wheelhouse:"
ls -1 "$wheelhouse"
