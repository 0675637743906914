#!/usr/bin/env bash
# Dynamic extension sequences: 100 changes to a framework of ../shared/data/iccma/perf with a
# question after each; agon's incremental session against agon from scratch (same process:
# snapshot + solver per question), and mu-toksia from scratch (one run per step on the dumped
# framework, process start included) when MU_TOKSIA points to its binary
# (build: ../shared/tools/peers/build_mu_toksia.sh; never committed).
# Not yet here: crustabri_ipafair (the IPAFAIR peer; recipe ../shared/tools/peers/build_crustabri.sh).
source "$(dirname "$0")/common.sh"
cmake --build "$build" --target agon_bench_dynamic >/dev/null
dyn=$build/tests/agon_bench_dynamic
peer=${MU_TOKSIA:-/tmp/inc_peers/mu-toksia-bin}
set_dir=$shared/data/iccma/perf/instances
limit=${LIMIT:-300}
peer_max_args=${PEER_MAX_ARGS:-5000}  # mu-toksia takes ~12 s per run on dag_100k: 100 runs are skipped above this
echo "### Dynamic extension sequences (100 changes, a question after each)"
for c in "dag_100k DC-CO" "ba_60k DC-CO" "ba_60k DS-PR" "ws_10k DS-PR" "scc_2k DS-PR" "scc_2k DS-ID" \
         "er_225_b DC-STG" "er_235_c DS-SST"; do
  set -- $c
  for fam in attacks arguments; do
    dump=$(mktemp -d)
    line=$(timeout "$limit" "$dyn" "$set_dir/$1.i23" "$2" "$fam" 1 "$dump" || echo "timeout after ${limit} s (or mismatch)")
    peer_note=""
    if [[ -x $peer && $line == *ratio* && $(grep -m1 '^p af' "$set_dir/$1.i23" | awk '{print $3}') -le $peer_max_args ]]; then
      start=$(date +%s.%N)
      for f in "$dump"/*.i23; do "$peer" -p "$2" -f "$f" -a "$(head -1 "${f%.i23}.arg")" >/dev/null; done
      peer_note=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "mu-toksia %.3f s", e-s}')
    fi
    printf '%-9s %s %s\n' "$1" "$line" "$peer_note"
    rm -rf "$dump"
  done
done
