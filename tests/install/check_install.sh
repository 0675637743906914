#!/usr/bin/env bash
# Install agon into a temporary prefix, build the C example against it with
# pkg-config and with find_package(agon), run both and check their output.
# Also checks that libagon.so exports nothing but the C interface.
set -euo pipefail
build=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
lib=$(find "$prefix" -name libagon.so.0 | head -1)
[[ -n "$lib" ]] || { echo "libagon.so.0 not installed"; exit 1; }
libdir=$(dirname "$lib")

extra=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^agon_' | grep -v '^AGON_0$' || true)
[[ -z "$extra" ]] || { echo "libagon.so exports more than the C API:"; echo "$extra" | head; exit 1; }
readelf -d "$lib" | grep -q 'SONAME.*libagon.so.0' || { echo "missing versioned soname"; exit 1; }

expect() {  # the example's output must name the claims with their grounded labels
  local out=$1
  grep -q '^guns  *in$' <<<"$out" && grep -q '^incursion  *in$' <<<"$out" && grep -q '^designation  *out$' <<<"$out" \
    && grep -q '^demand  *undecided$' <<<"$out" || { echo "unexpected example output:"; echo "$out"; exit 1; }
}

# pkg-config
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -std=c99 -Wall -Werror "$src/bindings/c/examples/mexico_us.c" $(pkg-config --cflags --libs agon) -o "$tmp/ex_pc"
expect "$(LD_LIBRARY_PATH=$libdir "$tmp/ex_pc")"

# CMake package
cmake -S "$src/bindings/c/examples" -B "$tmp/ex_cmake" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/ex_cmake" >/dev/null
expect "$(LD_LIBRARY_PATH=$libdir "$tmp/ex_cmake/mexico_us")"

[[ -x "$prefix/bin/agon" ]] || { echo "agon program not installed"; exit 1; }
ls "$prefix"/share/doc/agon/agon-commands.txt >/dev/null
echo "install ok: pkg-config and find_package(agon) builds of the example work"
