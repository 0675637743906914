# Shared by the benchmark scripts: a release build with the bench programs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=${AGON_SHARED_DIR:-$root/../shared}
build=$root/build/bench
"$root/scripts/setup.sh" --bench
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAGON_BUILD_BENCH=ON -DAGON_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target agon agon_bench >/dev/null
agon=$build/bindings/cli/agon
bench=$build/tests/agon_bench
# Single-threaded timings run pinned to one CPU, the one that runs a short calibration loop
# fastest (PIN=0: wherever the scheduler puts them; PIN_CPU=N: CPU N). On the 2-core VMs of this
# project one CPU ran the same code up to 1.5 times slower than the other (grounded
# re-evaluations 1.05 against 1.55 million/s; h-categoriser 74,000 against 113,000), which one
# changed within a day, and the scheduler moved a process between them from one run to the next.
pin=()
if [[ ${PIN:-1} != 0 ]] && command -v taskset >/dev/null && (( $(nproc) > 1 )); then
  if [[ -n ${PIN_CPU:-} ]]; then
    pin_cpu=$PIN_CPU
  else
    pin_cpu=0 pin_best=
    for (( pin_c = 0; pin_c < $(nproc) && pin_c < 8; ++pin_c )); do
      pin_start=$(date +%s%N)
      taskset -c "$pin_c" awk 'BEGIN { for (i = 0; i < 3e6; ++i) s += i * i % 7 }'
      pin_ms=$(( ($(date +%s%N) - pin_start) / 1000000 ))
      echo "calibration: CPU $pin_c ${pin_ms} ms" >&2
      if [[ -z $pin_best ]] || (( pin_ms < pin_best )); then pin_best=$pin_ms pin_cpu=$pin_c; fi
    done
  fi
  echo "single-threaded timings pinned to CPU $pin_cpu" >&2
  pin=(taskset -c "$pin_cpu")
fi
