#!/usr/bin/env bash
# The main job: set up, build, and run the Mexico–United States what-if study.
# Prints the comparison of scenarios and writes maps to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "Building agon (release)..." >&2
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
agon=build/release/bindings/cli/agon
mkdir -p out

echo "== Which claims stand in the Mexico–United States security debate (grounded semantics) =="
"$agon" eval graphs/mexico_us_security.json --semantics grounded
echo
echo "== Why the designation proposal falls =="
"$agon" explain graphs/mexico_us_security.json designation --semantics grounded
echo
echo "== What-if study =="
"$agon" run scripts/whatif/mexico_us.lua --read graphs --out out graphs/mexico_us_security.json
echo
echo "== What the designation's strength hinges on (DF-QuAD) =="
"$agon" explain graphs/mexico_us_security.json designation --semantics dfquad --top 6
echo
"$agon" render graphs/mexico_us_security.json -o out/map-grounded.svg --semantics grounded --legend --rankdir LR
"$agon" render graphs/mexico_us_security.json -o out/map-dfquad.svg --semantics dfquad --legend --rankdir LR
echo "== A debate round on designating the cartels: the flow judged by two paradigms =="
"$agon" round graphs/rounds/mexico_fto.flow --paradigm tech -o out/round-tech.svg
"$agon" round graphs/rounds/mexico_fto.flow --paradigm truth -o out/round-truth.svg | sed -n '/^Decision/,$p'
echo
echo "== The coach's what-if: had the Negative answered the demand turn in the 2NR =="
"$agon" run graphs/rounds/what_if_turn_answered.lua --out out
echo "Flow sheets: out/round-tech.svg, out/round-truth.svg, out/mexico_fto_what_if.svg"
echo "Maps: out/map-grounded.svg, out/map-dfquad.svg and out/scenario-*.svg (one per scenario, changes outlined)"
echo
echo "== Explore it in the browser =="
echo "  $agon serve graphs/mexico_us_security.json"
echo "  then open the address it prints and click the designation proposal: why it falls, and what would make it stand."
echo
echo "== The stress-test report on the designation proposal (for a policy team) =="
for ext in html pdf; do
  "$agon" report graphs/mexico_us_security.json --target designation \
    --uncertainty graphs/mexico_us_uncertainty.json --scenarios scripts/whatif/mexico_us.lua --read graphs \
    -o out/mexico_us_report.$ext
done
echo "Report: out/mexico_us_report.html and out/mexico_us_report.pdf"
