#!/usr/bin/env bash
# Grounded semantics with each support mode on the scenario benchmark's
# 1,000-claim graph: callgrind instructions per one-change re-evaluation
# (IncrementalEvaluation, a claim switched off or on) and per evaluation of the
# same what-if from scratch. Instruction counts do not depend on the machine's
# load, so this one may run on a busy machine (three to five minutes).
source "$(dirname "$0")/common.sh"
command -v valgrind >/dev/null || { echo "support_callgrind: needs valgrind" >&2; exit 2; }
# Instructions of one agon_bench run.
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" scenario "$@" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,; }
echo "### Grounded with support modes: instructions per change (callgrind)"
printf "%-20s %14s %16s %9s\n" semantics incremental "from scratch" speed-up
for sem in grounded grounded+deductive grounded+necessary grounded+evidential; do
  set_up=$(instructions "$sem" 0)
  incremental=$(( ($(instructions "$sem" 500) - set_up) / 1000 ))
  set_up=$(instructions "$sem" 0 scratch)
  scratch=$(( ($(instructions "$sem" 20 scratch) - set_up) / 20 ))
  awk -v s="$sem" -v i="$incremental" -v f="$scratch" 'BEGIN { printf "%-20s %14d %16d %9.0f\n", s, i, f, f / i }'
done
