#!/usr/bin/env bash
# One-change what-if re-evaluations per second (grounded): incremental session vs scenario from scratch.
source "$(dirname "$0")/common.sh"
cmake --build "$build" --target agon_bench_incremental >/dev/null
"${pin[@]}" "$build/tests/agon_bench_incremental"
