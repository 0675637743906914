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
# Single-threaded timings run on one CPU, the last (PIN=0: wherever the scheduler puts them). On
# the 2-core VMs of this project the first CPU ran the same code up to 1.5 times slower than the
# second (grounded re-evaluations 1.05 against 1.55 million/s; cause not traced), and the
# scheduler moved a process between them from one run to the next.
pin=()
if [[ ${PIN:-1} != 0 ]] && command -v taskset >/dev/null && (( $(nproc) > 1 )); then
  pin=(taskset -c "$(( $(nproc) - 1 ))")
fi
