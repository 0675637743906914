#!/usr/bin/env bash
# Map rendering: 200- and 2,000-claim maps, agon render against `dot -Tsvg`
# (or sfdp for the large map, the layout agon chooses) on agon's own DOT export.
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 200 2000; do
  # Every claim after the first gets one edge from a random other claim: a
  # connected map of n claims and n - 1 edges, half supports, half attacks.
  python3 - "$n" > "$tmp/g$n.json" <<'PY'
import json, random, sys
n = int(sys.argv[1]); random.seed(n)
claims = [{"id": f"c{i}", "text": f"Claim number {i} with a few words of text"} for i in range(n)]
edges = []
for i in range(1, n):
    j = random.randrange(n - 1)
    edges.append({"id": f"e{i}", "from": f"c{j if j < i else j + 1}", "to": f"c{i}",
                  "kind": random.choice(["support", "attack"])})
print(json.dumps({"format": "agon-graph", "version": 1, "title": f"{n} claims", "claims": claims, "edges": edges}))
PY
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
