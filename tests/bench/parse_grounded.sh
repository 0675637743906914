#!/usr/bin/env bash
# Parse + grounded on a random framework of 1M arguments and 5M attacks, against
# mu-toksia's SE-GR on the same file when the peer is available (see iccma.sh).
source "$(dirname "$0")/common.sh"
file=${TMPDIR:-/tmp}/agon-bench-1m-5m.i23
if [[ ! -s $file ]]; then
  awk 'BEGIN { srand(12345); n = 1000000; m = 5000000; print "p af " n;
       for (i = 0; i < m; i++) printf "%d %d\n", int(rand() * n) + 1, int(rand() * n) + 1 }' > "$file"
fi
best() {  # best wall time of 3 runs of a command, in seconds
  local b=999
  for _ in 1 2 3; do
    local s=$(date +%s.%N); "$@" >/dev/null; local e=$(date +%s.%N)
    b=$(awk -v b="$b" -v t="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{print (t<b)?t:b}')
  done
  echo "$b"
}
echo "### Parsing and grounded (1M arguments, 5M attacks, $(du -h "$file" | cut -f1))"
t_eval=$(best "$agon" eval "$file" --semantics grounded --json)
t_parse=$(best "$agon" convert "$file" --to i23 -o /dev/null)
t_iccma=$(best "$agon" iccma -p SE-GR -f "$file")
printf '%-44s %8s\n' "task" "seconds"
printf '%-44s %8.2f\n' "agon convert i23 -> i23 (parse + write)" "$t_parse"
printf '%-44s %8.2f\n' "agon eval --semantics grounded --json" "$t_eval"
printf '%-44s %8.2f\n' "agon iccma -p SE-GR" "$t_iccma"
peer=${MU_TOKSIA:-/tmp/mu/mu-toksia/build/release/bin/mu-toksia}
if [[ -x $peer ]]; then
  t_peer=$(best "$peer" -p SE-GR -f "$file")
  printf '%-44s %8.2f\n' "mu-toksia -p SE-GR (peer)" "$t_peer"
  awk -v a="$t_iccma" -v p="$t_peer" 'BEGIN { printf "ratio agon/mu-toksia (SE-GR): %.2f\n", a / p }'
fi
