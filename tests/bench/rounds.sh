#!/usr/bin/env bash
# agon round (analysis, decision and RFD) on generated policy rounds of about 2,000 and 16,000
# moves (round_flow.awk), under tech (grounded) and truth (DF-QuAD), and the flow sheet as DOT.
# No other program judges debate rounds, so the peer is agon itself on the smaller round: the
# ratio of the two times is 8 when the work is linear in the moves, 64 when it is quadratic (it
# was for tech until the RFD explained every claim through one Explainer, for truth until it
# explained each claim on its upstream graph, and for the sheet until it indexed responses and
# spanned rows instead of scanning them for every cell).
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for k in 380 3050; do awk -v k=$k -f "$(dirname "$0")/round_flow.awk" > "$tmp/r$k.flow"; done
best() {  # best wall time of 3 runs of a command, in seconds
  local b=999
  for _ in 1 2 3; do
    local s=$(date +%s.%N); "${pin[@]}" "$@" >/dev/null; local e=$(date +%s.%N)
    b=$(awk -v b="$b" -v t="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{print (t<b)?t:b}')
  done
  echo "$b"
}
echo "### Debate rounds: agon round on generated policy flows"
printf '%-12s %10s %10s %10s %8s\n' run "2k (s)" "16k (s)" "ratio" "linear"
for case in tech truth tech+sheet; do
  paradigm=$case sheet=()
  if [[ $case == tech+sheet ]]; then paradigm=tech sheet=(-o "$tmp/sheet.dot"); fi
  small=$(best "$agon" round "$tmp/r380.flow" --paradigm $paradigm --timeout 600 "${sheet[@]}")
  large=$(best "$agon" round "$tmp/r3050.flow" --paradigm $paradigm --timeout 600 "${sheet[@]}")
  awk -v p=$case -v s="$small" -v l="$large" -v n="$(grep -c '^[12]' "$tmp/r3050.flow")" \
      -v m="$(grep -c '^[12]' "$tmp/r380.flow")" 'BEGIN { printf "%-12s %10.2f %10.2f %10.1f %8.1f\n", p, s, l, l / s, n / m }'
done
