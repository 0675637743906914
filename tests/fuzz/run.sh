#!/usr/bin/env bash
# Run every libFuzzer harness (one per reader, the C API loader, the sandboxed
# Lua host) for SECONDS each (default 600) with ASan + UBSan, seeded from
# graphs/, tests/, scripts/ and ../shared/data. Crashing inputs are copied into
# tests/fuzz/regressions/<harness>/, which ctest replays.
# Not part of CI.   Usage: [AGON_FUZZ_JOBS=N] tests/fuzz/run.sh [SECONDS] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
seconds=${1:-600}
shift || true
formats=("$@")
[[ ${#formats[@]} -eq 0 ]] && formats=(json i23 apx tgf argdown aif kialo carneades capi lua)
shared=${AGON_SHARED_DIR:-$root/../shared}

scripts/setup.sh --fuzz
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGON_FUZZ=ON \
  -DAGON_WITH_GRAPHVIZ=OFF -DAGON_WITH_LUA=ON -DAGON_BUILD_CLI=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -gline-tables-only" >/dev/null
cmake --build $build --target $(printf 'fuzz_%s ' "${formats[@]}") >/dev/null

seed_files() {  # the seed corpus of one format
  case $1 in
    json) ls graphs/*.json graphs/classic/*.json "$shared"/data/formats/*/*.expected.json 2>/dev/null ;;
    i23) ls "$shared"/data/iccma/public/instances/*.i23 2>/dev/null | head -40 ;;
    apx|tgf) ls tests/fuzz/regressions/$1/* 2>/dev/null ;;
    argdown) ls "$shared"/data/formats/argdown/*.argdown 2>/dev/null ;;
    aif) ls "$shared"/data/formats/aif/*.json 2>/dev/null | grep -v expected ;;
    kialo) ls "$shared"/data/formats/kialo/*.txt 2>/dev/null ;;
    carneades) ls "$shared"/data/formats/carneades/*.yml 2>/dev/null ;;
    capi) ls tests/fuzz/regressions/capi/* 2>/dev/null ;;
    lua) ls scripts/whatif/*.lua tests/lua/*.lua tests/lua/escapes/*.lua tests/fuzz/regressions/lua/* 2>/dev/null ;;
  esac
}

# One harness: fuzz for $seconds, then print its row of the table.
fuzz_one() {
  local fmt=$1 corpus=$build/corpus/$1 artifacts=$build/artifacts/$1 log=$build/fuzz-$1.log mask=0
  # Artifacts of earlier runs are already in tests/fuzz/regressions: count only new ones.
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  for f in $(seed_files "$fmt"); do cp -f "$f" "$corpus/" 2>/dev/null || true; done
  # Scripts print to stdout and their errors to stderr: keep the log for libFuzzer.
  # The host's own watchdog ends the process 2 s after a script's time limit
  # (0.5 s here) when a library call overruns it: libFuzzer's limit must come
  # first so that the input is kept.
  local limit=10
  [[ $fmt == lua ]] && mask=3 limit=2
  "$build/tests/fuzz_$fmt" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=$limit -rss_limit_mb=2048 \
    -close_fd_mask=$mask -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || true
  local execs rate found
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  found=$(ls "$artifacts" | wc -l)
  if [[ $found -gt 0 ]]; then
    mkdir -p tests/fuzz/regressions/$fmt
    cp "$artifacts"/* tests/fuzz/regressions/$fmt/
  fi
  printf '%-10s %12s %10s %s\n' "$fmt" "$execs" "$rate" "$found"
}

# AGON_FUZZ_JOBS harnesses at a time (default 1); a harness stops at its first crash.
jobs=${AGON_FUZZ_JOBS:-1}
printf '%-10s %12s %10s %s\n' harness execs exec/s findings
running=0
for fmt in "${formats[@]}"; do
  fuzz_one "$fmt" &
  running=$((running + 1))
  if [[ $running -ge $jobs ]]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
