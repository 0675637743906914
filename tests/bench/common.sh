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
