#!/usr/bin/env bash
# Offline build of crustabri_ipafair, crustabri's IPAFAIR library (libcrustabri_ipafair.so), the
# dynamic peer of tests/bench/dynamic.sh, on Debian 12. It follows ../shared/tools/peers/build_crustabri.sh
# (same sources, same patches to crustabri and its helper crate) and adds two steps of its own:
#  - ipafair-sys: its build.rs needs the bindgen 0.61 crate, which Debian lacks; the bindings are
#    generated once from the same wrapper.h by Debian's `bindgen` program and included directly.
#  - crustabri_ipafair: built offline against Debian's crates (const-cstr from librust-const-cstr-dev).
#
# Inputs (as for build_crustabri.sh; bring each repository here with `fetch`, pass its git directory):
#   ZIP             ICCMA_23_solvers/crustabri.zip of jklein94/ICCMA-Solvers (default /tmp/crustabri.zip)
#   CADICAL_RS_GIT  bare git dir of github:elonca/cadical-rs
#   CADICAL_GIT     bare git dir of github:arminbiere/cadical
#   PERMUTATOR_GIT  bare git dir of github:NattapongSiri/permutator
#   BUILD_DIR       where to build (default /tmp/peers/crustabri-ipafair-build; wiped!)
#   OUT             the library (default /tmp/peers/libcrustabri_ipafair.so)
# Needs: a current cargo/rustc (1.95 tested), and
#   apt-get install -y unzip bindgen librust-const-cstr-dev  (plus build_crustabri.sh's librust-*-dev list)
# It implements complete (1) and stable (3) only; its skeptical complete is unimplemented!() and
# aborts the process, so dynamic.sh gives it DC-CO, DC-ST and DS-ST tasks only.
set -euo pipefail
ZIP=${ZIP:-/tmp/crustabri.zip}
CADICAL_RS_GIT=${CADICAL_RS_GIT:?git dir of elonca/cadical-rs (fetch it)}
CADICAL_GIT=${CADICAL_GIT:?git dir of arminbiere/cadical (fetch it)}
PERMUTATOR_GIT=${PERMUTATOR_GIT:?git dir of NattapongSiri/permutator (fetch it)}
B=${BUILD_DIR:-/tmp/peers/crustabri-ipafair-build}
OUT=${OUT:-/tmp/peers/libcrustabri_ipafair.so}
mkdir -p "$(dirname "$OUT")"
rm -rf "$B"; mkdir -p "$B/deps/cadical-rs/cadical" "$B/deps/permutator" "$B/unzip"
unzip -q "$ZIP" -d "$B/unzip"
mv "$B/unzip/crustabri/crustabri" "$B/unzip/crustabri/ipafair-sys" "$B/unzip/crustabri/crustabri_ipafair" "$B/"
rm -rf "$B/unzip"
git --git-dir="$CADICAL_RS_GIT" archive f6bd96ca41bae0bbe4a02f0be02a3e215445013d | tar -x -C "$B/deps/cadical-rs"
git --git-dir="$CADICAL_GIT" archive 0b7a2b5764f845cff0b81ec16ebac20cb5cc138c | tar -x -C "$B/deps/cadical-rs/cadical"
git --git-dir="$PERMUTATOR_GIT" archive b9dd98774e2bba192fc42ea5b6a9bcc7a5558522 | tar -x -C "$B/deps/permutator"
test "$(cat "$B/deps/cadical-rs/cadical/VERSION")" = 1.3.0

# The patches of build_crustabri.sh: Debian's crate versions, local paths for the git dependencies.
cd "$B/deps/permutator"
sed -i 's/^num = "\^0.2"$/num = "0.4"/' Cargo.toml; grep -q '^num = "0.4"$' Cargo.toml
rm -f Cargo.lock
sed -i '1i #![allow(unknown_lints, dangerous_implicit_autorefs)]' src/lib.rs
cd "$B/crustabri"
sed -i 's|^cadical = { git = "https://github.com/elonca/cadical-rs.git", rev = "f6bd96c" }$|cadical = { path = "../deps/cadical-rs" }|' Cargo.toml
sed -i 's|^permutator = "0.4.3"$|permutator = { path = "../deps/permutator" }|' Cargo.toml
sed -i 's|^strum = "0.24.1"$|strum = "0.19"|; s|^strum_macros = "0.24.1"$|strum_macros = "0.19"|' Cargo.toml
sed -i '/^\[dev-dependencies\]/,$d' Cargo.toml
grep -q 'cadical = { path' Cargo.toml; grep -q 'permutator = { path' Cargo.toml; grep -q '^strum = "0.19"' Cargo.toml
H=local_crates/crusti_app_helper-v0.1
sed -i 's/^sysinfo = "0.23.9"$/sysinfo = "0.26"/' $H/Cargo.toml; grep -q '^sysinfo = "0.26"' $H/Cargo.toml
sed -i 's/use sysinfo::{ProcessorExt, System, SystemExt};/use sysinfo::{CpuExt, System, SystemExt};/; s/sys\.processors()\.iter()/sys.cpus().iter()/; s/info!("total memory: {} KB", sys.total_memory());/info!("total memory: {} KB", sys.total_memory() \/ 1024);/' $H/src/cli_manager/cli_manager.rs
grep -q 'CpuExt' $H/src/cli_manager/cli_manager.rs

# ipafair-sys: bindings generated here instead of by build.rs.
cd "$B/ipafair-sys"
bindgen wrapper.h -o src/bindings.rs
sed -i 's|include!(concat!(env!("OUT_DIR"), "/bindings.rs"));|include!("bindings.rs");|' src/lib.rs
grep -q 'include!("bindings.rs")' src/lib.rs
sed -i '/^build = "build.rs"$/d; /^\[build-dependencies\]/,$d' Cargo.toml; ! grep -q bindgen Cargo.toml
rm -f build.rs Cargo.lock

# crustabri_ipafair: offline, Debian's crates in place of crates.io.
cd "$B/crustabri_ipafair"
mkdir -p .cargo
cat > .cargo/config.toml <<'CFG'
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "/usr/share/cargo/registry"

[net]
offline = true
CFG
if [ -f Cargo.lock ]; then mv Cargo.lock Cargo.lock.upstream; fi
cargo generate-lockfile
nice -n 10 cargo build --release -j "${JOBS:-2}"
install -m 755 target/release/libcrustabri_ipafair.so "$OUT"
nm -D --defined-only "$OUT" | grep ' ipafair_'
