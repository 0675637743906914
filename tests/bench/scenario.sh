#!/usr/bin/env bash
# What-if scenarios: re-evaluations per second on a 1,000-claim graph.
source "$(dirname "$0")/common.sh"
echo "### Scenarios"
"$bench" scenario
