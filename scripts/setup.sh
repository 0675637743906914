#!/usr/bin/env bash
# Install the Debian packages agon needs to build and test, only those missing.
# Idempotent and quiet when there is nothing to do. Runs apt as root or via sudo.
#   scripts/setup.sh            build + test dependencies
#   scripts/setup.sh --fuzz     also clang and libFuzzer
#   scripts/setup.sh --bench    also the Graphviz programs (the render benchmark's peer)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config python3
          libboost-graph-dev libgraphviz-dev liblua5.4-dev doctest-dev libcadical-dev
          nlohmann-json3-dev libcli11-dev libyaml-cpp-dev
          lua5.4 gringo clasp fonts-dejavu-core
          python3-pybind11 python3-dev python3-pytest python3-networkx python3-pandas
          python3-nbclient python3-nbformat python3-ipykernel
          libcpp-httplib-dev chromium nodejs
          libcairo2-dev libpango1.0-dev librsvg2-dev poppler-utils)
# Node.js from elsewhere (NodeSource) carries its own npm and conflicts with Debian's.
command -v npm >/dev/null || packages+=(npm)
[[ "${1:-}" == "--fuzz" ]] && packages+=(clang libclang-rt-14-dev)
[[ "${1:-}" == "--bench" ]] && packages+=(graphviz)

# The workbench's browser tests drive Chromium with npm puppeteer-core, kept in
# tests/browser/node_modules (not committed).
browser_tests() {
  local dir
  dir="$(dirname "$0")/../tests/browser"
  [[ -d "$dir/node_modules/puppeteer-core" ]] && return 0
  command -v npm >/dev/null || return 0
  echo "setup: installing puppeteer-core for the browser tests" >&2
  (cd "$dir" && npm install --no-audit --no-fund --silent >/dev/null) ||
    echo "setup: npm install failed: the browser tests will be skipped" >&2
}
trap browser_tests EXIT

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
