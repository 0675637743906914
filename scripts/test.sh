#!/usr/bin/env bash
# Build agon with the CI preset (warnings are errors) and run every test through ctest.
#   scripts/test.sh           the CI suite
#   scripts/test.sh --asan    the same suite under AddressSanitizer + UBSan
#   scripts/test.sh --tsan    the unit and C interface tests (thread stress tests included)
#                             under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

preset=ci
case "${1:-}" in
  --asan) preset=asan ;;
  --tsan) preset=tsan ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--asan|--tsan]" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"
ctest --preset "$preset" -j "$jobs"
