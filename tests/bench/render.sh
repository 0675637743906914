#!/usr/bin/env bash
# Map rendering: 200- and 2,000-claim maps, agon render against `dot -Tsvg`
# (or sfdp for the large map, the layout agon chooses) on agon's own DOT export.
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 200 2000; do
  python3 - "$n" > "$tmp/g$n.json" <<'PY'
import json, random, sys
n = int(sys.argv[1]); random.seed(n)
claims = [{"id": f"c{i}", "text": f"Claim number {i} with a few words of text"} for i in range(n)]
edges = [{"id": f"e{i}", "from": f"c{random.randrange(n)}", "to": f"c{i // 1 + 0}" if i < n else f"c{random.randrange(n)}",
          "kind": random.choice(["support", "attack"])} for i in range(1, n)]
for e in edges:
    if e["from"] == e["to"]: e["from"] = "c0" if e["to"] != "c0" else "c1"
print(json.dumps({"format": "agon-graph", "version": 1, "title": f"{n} claims", "claims": claims, "edges": edges}))
PY
done
echo "### Rendering (SVG, grounded colours)"
printf '%-10s %-8s %12s %14s %8s\n' claims layout "agon (s)" "dot cmd (s)" ratio
for n in 200 2000; do
  layout=dot; [[ $n -gt 150 ]] && layout=sfdp
  [[ $n -eq 200 ]] && layout=dot
  s=$(date +%s.%N); "$agon" render "$tmp/g$n.json" -o "$tmp/a$n.svg" --semantics grounded --layout $layout --timeout 600; e=$(date +%s.%N)
  "$agon" render "$tmp/g$n.json" -o "$tmp/g$n.dot" --semantics grounded --layout $layout
  s2=$(date +%s.%N); $layout -Tsvg "$tmp/g$n.dot" -o "$tmp/d$n.svg"; e2=$(date +%s.%N)
  awk -v n=$n -v l=$layout -v a="$(awk -v s=$s -v e=$e 'BEGIN{print e-s}')" -v d="$(awk -v s=$s2 -v e=$e2 'BEGIN{print e-s}')" \
    'BEGIN { printf "%-10s %-8s %12.2f %14.2f %8.2f\n", n, l, a, d, a / d }'
done
