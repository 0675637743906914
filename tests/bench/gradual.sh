#!/usr/bin/env bash
# Gradual semantics kernel: per-iteration rate on 1M claims / 10M edges vs memory bandwidth.
source "$(dirname "$0")/common.sh"
echo "### Gradual semantics (1M claims, 10M edges)"
"$bench" gradual
