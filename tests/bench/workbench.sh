#!/usr/bin/env bash
# The workbench: on 200- and 1,000-claim maps, the time from a click (switch a
# claim off) to the recoloured map in the page, the server's share of it, the
# time to open the page and to add a claim (a new drawing, unchanged claims
# pinned); against re-running `agon render` on the edited file from the
# command line (what a user does without the workbench).
#   tests/bench/workbench.sh            # 200 and 1000 claims, Release build
#   WORKBENCH_SIZES="200" tests/bench/workbench.sh
# AGON_BIN=path/to/agon measures an existing build instead of the Release build of common.sh.
[[ -n "${AGON_BIN:-}" ]] || source "$(dirname "$0")/common.sh"
set -euo pipefail
source "$(dirname "$0")/maps.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
agon=${AGON_BIN:-$agon}
tmp=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
browser_dir=$root/tests/browser
[[ -d $browser_dir/node_modules/puppeteer-core ]] || { echo "workbench: puppeteer-core missing (scripts/setup.sh)" >&2; exit 2; }
echo "### Workbench: click to recoloured map (grounded, median of 15 clicks)"
printf '%-8s %10s %11s %16s %10s %17s %7s\n' claims "open (ms)" "click (ms)" "agon share (ms)" "edit (ms)" "agon render (ms)" ratio
for n in ${WORKBENCH_SIZES:-200 1000}; do
  random_map "$n" $((n / 4)) > "$tmp/g$n.json"
  "$agon" serve "$tmp/g$n.json" --port 0 > "$tmp/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do grep -q http "$tmp/serve.log" && break; kill -0 $server 2>/dev/null || break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$tmp/serve.log" || true)
  [[ -n $url ]] || { echo "workbench: agon serve did not start: $(cat "$tmp/serve.log")" >&2; exit 1; }
  times=$(cd "$browser_dir" && node "$root/tests/bench/workbench_click.js" "$url" 15)
  read -r open click share edit <<< "$times"
  kill $server; wait $server 2>/dev/null || true; server=""
  # The peer: switch c1 off by editing the file, then agon render with grounded colours.
  python3 -c "
import json,sys; g=json.load(open(sys.argv[1])); g['claims']=g['claims'][:1]+g['claims'][2:]
g['edges']=[e for e in g['edges'] if 'c1' not in (e['from'],e['to'])]; json.dump(g,open(sys.argv[2],'w'))" "$tmp/g$n.json" "$tmp/off$n.json"
  best=""
  for _ in 1 2 3; do
    s=$(date +%s%N); "$agon" render "$tmp/off$n.json" -o "$tmp/off$n.svg" --semantics grounded; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); [[ -z $best || $t -lt $best ]] && best=$t
  done
  awk -v n=$n -v o="$open" -v c="$click" -v s="$share" -v e="$edit" -v r="$best" \
    'BEGIN { printf "%-8s %10.0f %11.1f %16.1f %10.0f %17.0f %7.2f\n", n, o, c, s, e, r, c / r }'
done
