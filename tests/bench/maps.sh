# Sourced by the benchmark scripts (not a benchmark itself): random maps.
# random_map N EXTRA: a connected map of N claims in agon JSON on stdout.
# Every claim after the first gets an edge from an earlier random claim (half
# supports, half attacks), plus EXTRA attacks between random claims; the seed
# is N, so a size always gives the same map.
random_map() {
  python3 - "$1" "$2" <<'PY'
import json, random, sys
n, extra = int(sys.argv[1]), int(sys.argv[2]); random.seed(n)
claims = [{"id": f"c{i}", "text": f"Claim number {i} with a few words of text"} for i in range(n)]
edges = []
for i in range(1, n):
    edges.append({"id": f"e{i}", "from": f"c{random.randrange(i)}", "to": f"c{i}", "kind": random.choice(["support", "attack"])})
for k in range(extra):
    a, b = random.sample(range(n), 2)
    edges.append({"id": f"x{k}", "from": f"c{a}", "to": f"c{b}", "kind": "attack"})
print(json.dumps({"format": "agon-graph", "version": 1, "title": f"{n} claims", "claims": claims, "edges": edges}))
PY
}
