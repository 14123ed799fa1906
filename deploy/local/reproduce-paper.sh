#!/usr/bin/env bash
# Reproduces docs/results/: every experiment at the paper profile, three training seeds on one simulation, the
# Stage II ablations on ks-laminar-3d, then one results page per experiment.
#
#   deploy/local/reproduce-paper.sh [RUNS_DIR] [experiment ...]
#
# RUNS_DIR (default runs/paper) holds one run directory per (experiment, seed); every step skips complete work, so
# an interrupted reproduction continues where it stopped. Measured on 2 cores (README, Performance; the code before
# the seeds shared one pipeline in brackets): ks-laminar-3d without the ablations 616-746 s (890-1056 s),
# ks-kolmogorov-3d 792 s (1091 s), ks-laminar-4d 677 s (1139 s), kpp-cellular-2d 1279 s (2067 s), kpp-kolmogorov-3d
# 1776 s (1926 s); the ablations take about 45 minutes. deploy/local/bench-reproduce.sh times it against another commit.
# Environment: TWOSTEP (the launcher, default deploy/local/twostep), TWOSTEP_ABLATE=0 (skip the ablations of
# ks-laminar-3d, about 45 minutes; the page then has no ablation section).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-runs/paper}
shift || true
experiments=("$@")
if [ ${#experiments[@]} -eq 0 ]; then
  experiments=(ks-laminar-3d ks-kolmogorov-3d ks-laminar-4d kpp-cellular-2d kpp-kolmogorov-3d)
fi
seeds=(1 2 3)
twostep=${TWOSTEP:-deploy/local/twostep}

for e in "${experiments[@]}"; do
  conf=conf/$e.conf
  # seed 1 simulates; seeds 2 and 3 repeat training and generation on a copy of its simulated data, in the same
  # pipeline: their stages share its thread budget, so every core has a stage to run until the last corrector ends
  list=$runs/$e-s1
  repeat=()
  for s in "${seeds[@]:1}"; do
    repeat+=(--repeat "$runs/$e-s$s=$s")
    list=$list,$runs/$e-s$s
  done
  if [[ $e == kpp-* ]]; then
    # the cold start does not depend on the training seed
    repeat+=(--repeat-override 'warm_start.starts=["meanflow","meanflow_dp"]')
  fi
  "$twostep" pipeline --config "$conf" --profile paper --out "$runs/$e-s1" experiment.seed=1 "${repeat[@]}"
  ablate=()
  if [ "$e" = ks-laminar-3d ] && [ "${TWOSTEP_ABLATE:-1}" != 0 ]; then
    # Tables 1 and 3 of the paper: one corrector per setting over seed 1's MeanFlow
    "$twostep" ablate --config "$conf" --profile paper --out "$runs/$e-s1" experiment.seed=1 \
      --param dp.refresh_every=5,25,50,100 --param dp.batch_size=2000,2500,3000,3500
    "$twostep" ablate --config "$conf" --profile paper --out "$runs/$e-s1" experiment.seed=1 dp.coupling=sinkhorn \
      --param dp.sinkhorn_eps=0.05,0.01,0.005,0.001
    ablate=(--ablate "$runs/$e-s1")
  fi
  # the speedup of sampling over simulating on this machine, which publish puts on the page
  if [ ! -f "$runs/$e-s1/speedup/speedup.csv" ]; then
    "$twostep" bench speedup --run "$runs/$e-s1"
  fi
  "$twostep" publish --config "$conf" --profile paper --runs "$list" "${ablate[@]}" --dest "docs/results/$e"
done
