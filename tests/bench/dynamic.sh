#!/usr/bin/env bash
# Dynamic extension sequences: 100 changes to a framework of ../shared/data/iccma/perf with a
# question after each, in one run: agon's incremental session and agon from scratch (same process:
# snapshot + solver per question, each question stopped at QLIMIT s), mu-toksia from scratch (one
# process per step on the dumped framework, start included; frameworks up to PEER_MAX_ARGS
# arguments), and crustabri_ipafair, crustabri's IPAFAIR library, replaying the same changes and
# questions in process (it implements CO and ST only). A sequence ends early once the session and
# agon from scratch have taken BUDGET s together (the peers then replay the same shorter sequence);
# a peer's sequence is cut at SEQ_LIMIT s. Defaults keep a full run near 10 minutes.
# Peers (never committed; recipes in ../shared/tools/peers/ and tests/bench/peers/):
#   MU_TOKSIA=PATH          mu-toksia binary          (build_mu_toksia.sh)
#   CRUSTABRI_IPAFAIR=PATH  libcrustabri_ipafair.so   (tests/bench/peers/build_crustabri_ipafair.sh)
# SEED=N draws another sequence (er_225_b with SEED=2 soon has a stable extension, seed 1 has none).
# CPU=1 times agon's two legs in process CPU seconds (a machine loaded by other work; the peers
# stay on the wall clock). A missing peer is reported as such. Ratios are peer time / session time (> 1: the session is faster).
# Every leg runs with glibc's malloc told to keep freed memory (MALLOC=default leaves glibc's own
# thresholds): agon from scratch allocates and frees large arrays per question, and with glibc's
# thresholds its time moved up to 3x with unrelated changes to the heap (first-touched pages cost
# ~10 us on these VMs); the settings make that leg faster, so the ratios they give are the lower ones.
source "$(dirname "$0")/common.sh"
if [[ ${MALLOC:-kept} != default ]]; then
  export MALLOC_TRIM_THRESHOLD_=4000000000 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TOP_PAD_=268435456
fi
cmake --build "$build" --target agon_bench_dynamic agon_bench_ipafair >/dev/null
dyn=$build/tests/agon_bench_dynamic
replay=$build/tests/agon_bench_ipafair
mu=${MU_TOKSIA:-/tmp/peers/mu-toksia-bin}
crust=${CRUSTABRI_IPAFAIR:-/tmp/peers/libcrustabri_ipafair.so}
set_dir=$shared/data/iccma/perf/instances
qlimit=${QLIMIT:-1}
budget=${BUDGET:-30}
seq_limit=${SEQ_LIMIT:-30}
cpu=${CPU:-0}
seed=${SEED:-1}  # the random changes and questions
peer_max_args=${PEER_MAX_ARGS:-5000}  # mu-toksia takes ~12 s per run on dag_100k
cases=${CASES:-"dag_100k:DC-CO:attacks dag_100k:DC-CO:arguments ba_60k:DC-CO:attacks ba_60k:DC-CO:arguments
  ws_10k:DS-ST:attacks er_205_a:DC-ST:attacks er_205_a:DC-ST:arguments scc_2k:DS-ST:attacks
  ws_10k:DS-PR:attacks scc_2k:DS-PR:attacks er_225_b:DC-STG:attacks"}
[[ -x $mu ]] || echo "(mu-toksia not found at $mu: column left empty)"
[[ -f $crust ]] || echo "(crustabri_ipafair not found at $crust: column left empty)"
echo "### Dynamic extension sequences (100 changes, a question after each; each question stopped at ${qlimit} s, a sequence at ${budget} s; malloc: ${MALLOC:-kept})"
printf '%-9s %-7s %-9s %5s | %9s | %9s %7s | %9s %7s | %9s %7s | %s\n' framework task changes steps session \
  "agon" ratio "mu-toksia" ratio crustabri ratio notes
summary=$(mktemp)
for c in $cases; do
  IFS=: read -r inst task fam <<<"$c"
  file=$set_dir/$inst.i23
  dump=$(mktemp -d)
  line=$("${pin[@]}" "$dyn" "$file" "$task" "$fam" --limit "$qlimit" --budget "$budget" --cpu "$cpu" --seed "$seed" --dump "$dump") || line="$line MISMATCH"
  if [[ $line != *ratio* ]]; then echo "$inst $task $fam: agon_bench_dynamic failed"; rm -rf "$dump"; continue; fi
  session=$(sed -E 's/.* session ([0-9.]+) s .*/\1/' <<<"$line")
  steps=$(sed -E 's/.* steps ([0-9]+) .*/\1/' <<<"$line")
  scratch=$(sed -E 's/.* scratch ([0-9.]+) s .*/\1/' <<<"$line")
  notes=$(sed -E 's/.*(agree [0-9]+\/[0-9]+).*session ([0-9]+) scratch ([0-9]+).*/\1, stopped: session \2 agon \3/' <<<"$line")
  [[ $line == *MISMATCH* ]] && notes="$notes, ANSWERS DIFFER"
  mu_t=""; cr_t=""
  if [[ -x $mu && $(grep -m1 '^p af' "$file" | awk '{print $3}') -le $peer_max_args ]]; then
    start=$(date +%s.%N); cut=""
    for f in "$dump"/*.i23; do
      # One call may not outlast the whole sequence's limit (mu-toksia can run for minutes on one question).
      "${pin[@]}" timeout "$seq_limit" "$mu" -p "$task" -f "$f" -a "$(head -1 "${f%.i23}.arg")" >/dev/null || { cut=">"; break; }
      if (( $(awk -v s="$start" -v e="$(date +%s.%N)" -v l="$seq_limit" 'BEGIN{print (e-s > l)}') )); then
        cut=">"; break
      fi
    done
    mu_t=$cut$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.3f", e-s}')
  fi
  # crustabri_ipafair: CO and ST, no skeptical complete (its unimplemented!() aborts the replay).
  if [[ -f $crust && ( $task == DC-CO || $task == *-ST ) ]]; then
    if out=$("${pin[@]}" timeout "$seq_limit" "$replay" "$crust" "$file" "$task" "$dump/sequence.ops" 2>&1); then
      cr_t=${out%% s*}
    else
      rc=$?
      if [[ $rc == 124 ]]; then cr_t=">$seq_limit"; else cr_t=${out%% s*}; notes="$notes, crustabri: $(tail -1 <<<"${out:-exit $rc}")"; fi
    fi
  elif [[ -f $crust ]]; then
    cr_t="n/a"
  fi
  ratio() { if [[ -n $1 && $1 != n/a && $1 != *[!0-9.\>]* ]]; then
              awk -v p="${1#>}" -v s="$session" -v c="${1%%[0-9]*}" 'BEGIN{printf "%s%.1f", c, p/s}'; fi; }
  printf '%-9s %-7s %-9s %5s | %9s | %9s %7s | %9s %7s | %9s %7s | %s\n' "$inst" "$task" "$fam" "$steps" "$session" "$scratch" \
    "$(ratio "$scratch")" "$mu_t" "$(ratio "$mu_t")" "$cr_t" "$(ratio "$cr_t")" "$notes"
  echo "$fam;$(ratio "$scratch");$(ratio "$mu_t");$(ratio "$cr_t")" >>"$summary"
  rm -rf "$dump"
done
echo
echo "Per change family: geometric mean of the ratios (cut sequences count at their cut time)"
awk -F';' '{ for (i = 2; i <= 4; ++i) if ($i != "") { v = $i; sub(/^>/, "", v); if (v > 0) { s[$1, i] += log(v); n[$1, i]++ } } fam[$1] = 1 }
     END { split("agon mu-toksia crustabri", name, " ");
           for (f in fam) { printf "%-9s", f;
             for (i = 2; i <= 4; ++i) printf "  %s %s", name[i - 1], n[f, i] ? sprintf("%.1f (%d)", exp(s[f, i] / n[f, i]), n[f, i]) : "-";
             printf "\n" } }' "$summary"
rm -f "$summary"
