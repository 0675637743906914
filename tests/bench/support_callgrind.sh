#!/usr/bin/env bash
# Grounded semantics with each support mode on the scenario benchmark's
# 1,000-claim graph: callgrind instructions per one-change re-evaluation
# (IncrementalEvaluation, a claim switched off or on) and per evaluation of the
# same what-if from scratch. Instruction counts do not depend on the machine's
# load, so this one may run on a busy machine (three to five minutes).
# "incremental" is the steady state: the rounds after every claim has been
# switched off once (rounds 1,000 to 1,500), since the first change that
# touches a claim's edges also moves their readings out of the kept state's
# shared array; "first pass" is rounds 0 to 500, with that cost.
source "$(dirname "$0")/common.sh"
command -v valgrind >/dev/null || { echo "support_callgrind: needs valgrind" >&2; exit 2; }
# Instructions of one agon_bench run.
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" scenario "$@" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,; }
echo "### Grounded with support modes: instructions per change (callgrind)"
printf "%-20s %14s %12s %16s %9s\n" semantics incremental "first pass" "from scratch" speed-up
for sem in grounded grounded+deductive grounded+necessary grounded+evidential; do
  set_up=$(instructions "$sem" 0)
  at_500=$(instructions "$sem" 500)
  first=$(( (at_500 - set_up) / 1000 ))
  incremental=$(( ($(instructions "$sem" 1500) - $(instructions "$sem" 1000)) / 1000 ))
  set_up=$(instructions "$sem" 0 scratch)
  scratch=$(( ($(instructions "$sem" 20 scratch) - set_up) / 20 ))
  awk -v s="$sem" -v i="$incremental" -v p="$first" -v f="$scratch" \
    'BEGIN { printf "%-20s %14d %12d %16d %9.0f\n", s, i, p, f, f / i }'
done
