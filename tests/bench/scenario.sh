#!/usr/bin/env bash
# What-if scenarios: re-evaluations per second on a 1,000-claim graph, and
# one-change incremental re-evaluations against from scratch per semantics
# (1,000 claims, then 1M claims for grounded, hcat and max); then the first
# question of an incremental evaluation on a 100,000-claim graph against one
# evaluation from scratch.
source "$(dirname "$0")/common.sh"
echo "### Scenarios"
"${pin[@]}" "$bench" scenario
echo
"${pin[@]}" "$bench" first
