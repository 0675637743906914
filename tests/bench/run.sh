#!/usr/bin/env bash
# Every benchmark, one after the other (not part of CI). Each prints a table.
#   tests/bench/run.sh            all
#   tests/bench/run.sh iccma      one of: parse_grounded iccma gradual scenario render dynamic incremental
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
names=("$@")
[[ ${#names[@]} -eq 0 ]] && names=(parse_grounded scenario gradual render iccma)
for b in "${names[@]}"; do
  "$here/$b.sh"
  echo
done
