#!/usr/bin/env bash
# Map rendering: 200- and 2,000-claim maps, agon render against `dot -Tsvg`
# (or sfdp for the large map, the layout agon chooses) on agon's own DOT export.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/maps.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 200 2000; do
  random_map "$n" 0 > "$tmp/g$n.json"  # a tree: n claims, n - 1 edges
done
echo "### Rendering (SVG, grounded colours)"
printf '%-10s %-8s %12s %14s %8s\n' claims layout "agon (s)" "dot cmd (s)" ratio
# dot for the 200-claim map as a user would ask for it; sfdp is what --layout auto
# picks above 150 claims.
for run in 200:dot 200:sfdp 2000:sfdp; do
  n=${run%%:*} layout=${run##*:}
  s=$(date +%s.%N); "$agon" render "$tmp/g$n.json" -o "$tmp/a$n.svg" --semantics grounded --layout $layout --timeout 600; e=$(date +%s.%N)
  "$agon" render "$tmp/g$n.json" -o "$tmp/g$n.dot" --semantics grounded --layout $layout
  s2=$(date +%s.%N); $layout -Tsvg "$tmp/g$n.dot" -o "$tmp/d$n.svg"; e2=$(date +%s.%N)
  awk -v n=$n -v l=$layout -v a="$(awk -v s=$s -v e=$e 'BEGIN{print e-s}')" -v d="$(awk -v s=$s2 -v e=$e2 'BEGIN{print e-s}')" \
    'BEGIN { printf "%-10s %-8s %12.2f %14.2f %8.2f\n", n, l, a, d, a / d }'
done
