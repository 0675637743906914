#!/usr/bin/env bash
# agon against mu-toksia (ICCMA'23) on the calibrated timing set, one job, 60 s limit:
# solved count and PAR-2 per task family, and the ratio.
# The peer: set MU_TOKSIA to its binary, or MU_TOKSIA_ZIP to ICCMA_23_solvers/mu-toksia.zip
# from the public repository jklein94/ICCMA-Solvers (built here with Debian's
# libcryptominisat5-dev, as ../shared/data/iccma/perf/README.md describes). It is never committed.
source "$(dirname "$0")/common.sh"
peer=${MU_TOKSIA:-/tmp/mu/mu-toksia/build/release/bin/mu-toksia}
if [[ ! -x $peer && -n ${MU_TOKSIA_ZIP:-} ]]; then
  work=$(mktemp -d)
  unzip -q "$MU_TOKSIA_ZIP" -d "$work"
  mkdir -p "$work/cms/build/lib" && ln -s /usr/include/cryptominisat5 "$work/cms/src"
  make -C "$work/mu-toksia" SAT_SOLVER=cryptominisat CRYPTOMINISAT="$work/cms" r >/dev/null
  peer=$work/mu-toksia/build/release/bin/mu-toksia
fi
set_dir=$shared/data/iccma/perf
out=${TMPDIR:-/tmp}
echo "### ICCMA solver vs mu-toksia (perf set, 1 job, 60 s limit)"
python3 "$shared/tools/iccma_check.py" --solver "$agon iccma" --set "$set_dir" --jobs 1 --timeout 60 --csv "$out/agon-perf.csv" | tail -1
if [[ -x $peer ]]; then
  python3 "$shared/tools/iccma_check.py" --solver "$peer" --set "$set_dir" --jobs 1 --timeout 60 --csv "$out/mu-perf.csv" | tail -1
  python3 "$shared/tools/iccma_check.py" --summarize "$out/agon-perf.csv" "$out/mu-perf.csv" --timeout 60
else
  echo "mu-toksia not found: set MU_TOKSIA or MU_TOKSIA_ZIP (see the comment in this script)"
  python3 "$shared/tools/iccma_check.py" --summarize "$out/agon-perf.csv" --timeout 60
fi
