#!/usr/bin/env bash
# Every benchmark, one after the other (not part of CI). Each prints a table.
#   tests/bench/run.sh            all of them
#   tests/bench/run.sh NAME...    the named ones: every tests/bench/NAME.sh except run and the sourced ones
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
not_benchmarks=" run common maps "
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for f in "$here"/*.sh; do
    b=$(basename "$f" .sh)
    [[ $not_benchmarks == *" $b "* ]] || names+=("$b")
  done
fi
for b in "${names[@]}"; do
  [[ -x "$here/$b.sh" && $not_benchmarks != *" $b "* ]] || { echo "run.sh: no benchmark '$b' in $here" >&2; exit 2; }
  "$here/$b.sh"
  echo
done
