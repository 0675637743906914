#!/usr/bin/env bash
# Build agon with the CI preset (warnings are errors) and run every test through ctest.
#   scripts/test.sh           the CI suite
#   scripts/test.sh --asan    the same suite under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

preset=ci
[[ "${1:-}" == "--asan" ]] && preset=asan
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"
ctest --preset "$preset" -j "$jobs"
