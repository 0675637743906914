#!/usr/bin/env bash
# The stress-test report: the Mexico–US report (five scenarios, 2,000 samples)
# and a 1,000-claim graph (2,000 Monte Carlo samples), with the share of each
# section. Peer: the separate agon commands that give the same figures
# (eval, explain, hinge, robust with the same settings), run in the same session.
# AGON_BIN=path/to/agon measures an existing build instead of the Release build of common.sh.
if [[ -n "${AGON_BIN:-}" ]]; then
  set -euo pipefail
  root=$(cd "$(dirname "$0")/../.." && pwd)
  agon=$AGON_BIN
else
  source "$(dirname "$0")/common.sh"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 1,000 claims: each claim after the first attacks or supports an earlier one
# (so every claim reaches c0, the target), plus 1,000 more such edges; three
# hypotheses and twenty pieces of evidence.
python3 - > "$tmp/g1000.json" <<'PY'
import json, random
random.seed(1000)
n = 1000
claims = [{"id": f"c{i}", "text": f"Claim number {i} with a few words of text", "base": round(random.uniform(0.2, 0.9), 2),
           "tags": [], "attributes": {"source": f"Source {i % 7}"}} for i in range(n)]
for i in (1, 2, 3):
    claims[i]["tags"].append("hypothesis")
for i in random.sample(range(10, n), 20):
    claims[i]["tags"].append("evidence")
edges = [{"id": f"e{i}", "from": f"c{i}", "to": f"c{random.randrange(i)}", "kind": random.choice(["support", "attack"])}
         for i in range(1, n)]
for k in range(1000):
    i = random.randrange(1, n)
    edges.append({"id": f"x{k}", "from": f"c{i}", "to": f"c{random.randrange(i)}", "kind": random.choice(["support", "attack"])})
print(json.dumps({"format": "agon-graph", "version": 1, "title": "1,000 claims", "claims": claims, "edges": edges}))
PY
seconds() {
  local s e
  s=$(date +%s.%N)
  "$@" >/dev/null || [[ $? -eq 1 ]] || { echo "report.sh: failed: $*" >&2; exit 1; }  # 1: hinge found no set
  e=$(date +%s.%N)
  awk -v s=$s -v e=$e 'BEGIN{print e-s}'
}

run_case() {  # name graph target report-args...
  local name=$1 graph=$2 target=$3; shift 3
  local report peers
  report=$(seconds "$agon" report "$graph" --target "$target" "$@" -o "$tmp/$name.html")
  peers=$(awk -v a="$(seconds "$agon" eval "$graph" --semantics dfquad --json)" \
              -v b="$(seconds "$agon" explain "$graph" "$target" --semantics dfquad --json)" \
              -v c="$(seconds "$agon" hinge "$graph" "$target" --semantics dfquad --max-size 3 --max-evaluations 3000 --json)" \
              -v d="$(seconds "$agon" robust "$graph" --semantics dfquad --samples 2000 --spread 0.1 --json)" \
              'BEGIN{print a+b+c+d}')
  awk -v n="$name" -v r=$report -v p=$peers 'BEGIN { printf "%-22s %10.2f %18.2f %8.2f\n", n, r, p, r / p }'
  "$agon" report "$graph" --target "$target" "$@" -o "$tmp/$name.pdf" --timings 2>"$tmp/$name.timings" >/dev/null
}

cd "$tmp"  # the what-if script writes its own maps to out/
echo "### Report generation (HTML; PDF written too)"
printf '%-22s %10s %18s %8s\n' graph "report (s)" "eval+explain+hinge+robust (s)" ratio
run_case mexico_us "$root/graphs/mexico_us_security.json" designation \
  --uncertainty "$root/graphs/mexico_us_uncertainty.json" --scenarios "$root/scripts/whatif/mexico_us.lua" \
  --read "$root/graphs" --samples 2000
run_case claims_1000 "$tmp/g1000.json" c0 --spread 0.1 --samples 2000
for name in mexico_us claims_1000; do
  echo
  echo "Sections of the $name report (PDF run):"
  cat "$tmp/$name.timings"
done
