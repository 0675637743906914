#!/usr/bin/env bash
# The main job: set up, build, and run the Mexico–United States study.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
agon=build/release/bindings/cli/agon

echo "== Mexico–United States security debate: which claims stand (grounded semantics) =="
"$agon" eval graphs/mexico_us_security.json --semantics grounded
