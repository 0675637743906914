#!/usr/bin/env bash
# Gradual semantics on the scenario benchmark's 1,000-claim graph: callgrind
# instructions per one-change re-evaluation (IncrementalEvaluation, a claim
# switched off or on again; the switch-on is an exact undo) and the claims
# the worklist recomputes per re-evaluation. Instruction counts do not depend
# on the machine's load, so this one may run on a busy machine (about a minute).
# Last, the claims a switch-off moves by more than 1e-10 (agon_bench moving).
source "$(dirname "$0")/common.sh"
command -v valgrind >/dev/null || { echo "gradual_callgrind: needs valgrind" >&2; exit 2; }
rounds=200
# Instructions of one agon_bench run, then its own output line.
run() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" scenario "$@" 2>&1; }
refs() { sed -n 's/.*refs: *//p' | tr -d ,; }
echo "### Gradual semantics: instructions per one-change re-evaluation (callgrind, $rounds rounds)"
printf "%-8s %14s %12s\n" semantics instructions recomputed
for sem in hcat max card dfquad quad euler qe mlp; do
  set_up=$(run "$sem" 0 | refs)
  out=$(run "$sem" "$rounds")
  total=$(refs <<<"$out")
  recomputed=$(sed -n 's/.*re-evaluations\/s, \([0-9.]*\) claims.*/\1/p' <<<"$out")
  printf "%-8s %14d %12s\n" "$sem" $(( (total - set_up) / (2 * rounds) )) "$recomputed"
done
# The least an exact re-evaluation recomputes: the claims a switch-off moves
# by more than epsilon (1e-10), from scratch (a few seconds).
echo
"$bench" moving
echo "(a switch-off recomputes twice the 'recomputed' above: switching the claim on again is free)"
