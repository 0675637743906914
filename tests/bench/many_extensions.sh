#!/usr/bin/env bash
# agon eval on K pairs of mutually attacking arguments (2^K stable, preferred,
# semi-stable and stage extensions, 3^K complete ones): past evaluate's
# enumeration cap (1,000 extensions) the labels come from acceptance
# questions. K = 20 by default (evaluate used to stop with `limit` there,
# after about ten minutes of enumeration); `many_extensions.sh 16` for a size
# the old enumeration still finished.
source "$(dirname "$0")/common.sh"
k=${1:-20}
file=${TMPDIR:-/tmp}/agon-bench-pairs-$k.i23
awk -v k="$k" 'BEGIN { print "p af " 2 * k;
     for (i = 0; i < k; i++) { a = 2 * i + 1; b = a + 1; print a " " b; print b " " a } }' > "$file"
echo "### Labels under many extensions ($k pairs of mutually attacking arguments)"
printf '%-12s %8s\n' "semantics" "seconds"
for sem in complete preferred stable semi-stable stage ideal; do
  s=$(date +%s.%N)
  "$agon" eval "$file" --semantics "$sem" >/dev/null
  e=$(date +%s.%N)
  printf '%-12s %8.2f\n' "$sem" "$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')"
done
