#!/usr/bin/env bash
# Reproduces docs/results/: every experiment at the paper profile, three training seeds on one simulation, the
# Stage II ablations on ks-laminar-3d, then one results page per experiment.
#
#   deploy/local/reproduce-paper.sh [RUNS_DIR] [experiment ...]
#
# RUNS_DIR (default runs/paper) holds one run directory per (experiment, seed); every step skips complete work, so
# an interrupted reproduction continues where it stopped. About 4-5 hours on 2 cores when run alone (before the
# pipeline ran independent stages at once and seeds 2 and 3 ran side by side).
# Environment: TWOSTEP (the launcher, default deploy/local/twostep), TWOSTEP_ABLATE=0 (skip the ablations of
# ks-laminar-3d, about 45 minutes; the page then has no ablation section), TWOSTEP_SEEDS_AT_ONCE=0 (seeds 2 and 3
# one after another).
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
  # seed 1 simulates; seeds 2 and 3 repeat training and generation on a copy of its simulated data
  "$twostep" pipeline --config "$conf" --profile paper --out "$runs/$e-s1" experiment.seed=1
  list=$runs/$e-s1
  # Seeds 2 and 3 share nothing but the copied simulation, so they run at once, each on half the cores (its
  # pipeline's thread budget and its embedded Spark's local[N]): one seed's corrector, alone on the critical path of
  # its pipeline, no longer leaves a core idle. Each line is tagged with its run. TWOSTEP_SEEDS_AT_ONCE=0: one after
  # another, each on every core.
  cores=$(nproc)
  half=$((cores / 2))
  pids=()
  for s in "${seeds[@]:1}"; do
    mkdir -p "$runs/$e-s$s"
    for table in particles eigenvalues; do
      if [ -d "$runs/$e-s1/$table" ] && [ ! -d "$runs/$e-s$s/$table" ]; then
        cp -r "$runs/$e-s1/$table" "$runs/$e-s$s/$table.tmp" && mv "$runs/$e-s$s/$table.tmp" "$runs/$e-s$s/$table"
      fi
    done
    extra=()
    if [[ $e == kpp-* ]]; then
      extra=('warm_start.starts=["meanflow","meanflow_dp"]') # the cold start does not depend on the training seed
    fi
    seed_run=("$twostep" pipeline --config "$conf" --profile paper --out "$runs/$e-s$s" experiment.seed=1
      training.seed="$s" "${extra[@]}")
    if [ "${TWOSTEP_SEEDS_AT_ONCE:-1}" != 0 ] && [ "$half" -ge 1 ]; then
      (TWOSTEP_JAVA_OPTS="${TWOSTEP_JAVA_OPTS:-} -Dspark.master=local[$half]" "${seed_run[@]}" pipeline.threads="$half" \
        2>&1 | sed -u "s|^|[$e-s$s] |") &
      pids+=($!)
    else
      "${seed_run[@]}"
    fi
    list=$list,$runs/$e-s$s
  done
  for pid in "${pids[@]}"; do
    wait "$pid"
  done
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
