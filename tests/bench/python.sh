#!/usr/bin/env bash
# Python: gradual semantics (public vectors, 100,000-claim DF-QuAD) against a pure-Python
# reference written from SEMANTICS.md, and the Python layer's cost on a scenario sweep against Lua.
source "$(dirname "$0")/common.sh"
cmake --build "$build" --target agon_python agon_lua >/dev/null
python=$(sed -n 's/^AGON_PYTHON_EXECUTABLE:INTERNAL=//p' "$build/CMakeCache.txt")
echo "### Python"
PYTHONPATH=$build/bindings/python "$python" "$root/tests/bench/python_bench.py" \
  --shared "$shared" --lua-module "$build/bindings/lua" "$@"
