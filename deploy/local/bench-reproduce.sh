#!/usr/bin/env bash
# Times the paper-profile reproduction (reproduce-paper.sh: three training seeds per experiment) of an earlier commit
# and of this checkout's HEAD side by side on this machine, experiment by experiment, and prints wall time, CPU use
# and their ratio.
#
#   deploy/local/bench-reproduce.sh BEFORE [experiment ...]     (default: all five experiments)
#
# BEFORE is any commit of this repository (README, Performance: b22fd07, the code before the throughput work). Each
# commit runs from its own git worktree under BENCH_DIR, built once outside the timings, so the reproduction's
# results pages go there and not into this checkout's docs/results. For each experiment the two runs go one after the
# other (BEFORE first), so a load that comes and goes hits both alike; keep the machine otherwise idle (a niced build
# beside the code before, which leaves a core idle, slowed its trainings by up to 3x). A ks-* experiment takes 11-19 minutes
# per commit, a kpp-* one 21-35 minutes (README, Performance).
# Environment: BENCH_DIR (default a temporary directory; an interrupted bench continues there, every timed
# reproduction starting afresh), TWOSTEP_ABLATE (passed on: 0 skips the ks-laminar-3d ablations, about 45 minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ]; then
  echo "usage: deploy/local/bench-reproduce.sh BEFORE [experiment ...]" >&2
  exit 2
fi
before=$1
shift
experiments=("$@")
if [ ${#experiments[@]} -eq 0 ]; then
  experiments=(ks-laminar-3d ks-kolmogorov-3d ks-laminar-4d kpp-cellular-2d kpp-kolmogorov-3d)
fi
for e in "${experiments[@]}"; do
  if [ ! -f "conf/$e.conf" ]; then
    echo "bench-reproduce: experiment '$e' has no conf/$e.conf" >&2
    exit 2
  fi
done
if ! git rev-parse --verify --quiet "$before^{commit}" >/dev/null; then
  echo "bench-reproduce: BEFORE '$before' is not a commit of this repository" >&2
  exit 2
fi
dir=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$dir"

# worktree SIDE REV: a built checkout of REV at $dir/SIDE (kept when it is already at REV)
worktree() {
  local side=$1 rev
  rev=$(git rev-parse "$2^{commit}")
  if [ "$(git -C "$dir/$side" rev-parse HEAD 2>/dev/null)" != "$rev" ]; then
    git worktree remove --force "$dir/$side" 2>/dev/null || rm -rf "$dir/$side"
    git worktree add --quiet --detach "$dir/$side" "$rev"
  fi
  (cd "$dir/$side" && deploy/local/twostep --version >/dev/null) # builds its launcher outside the timings
  echo "$side: $(git -C "$dir/$side" log -1 --format='%h %s' | cut -c1-100)"
}
worktree before "$before"
worktree after HEAD
export TWOSTEP_NO_BUILD=1

# timed SIDE EXPERIMENT: one reproduction of the experiment into a fresh runs directory; prints seconds and CPU %
timed() {
  local side=$1 e=$2 runs=$dir/runs-$1-$2
  rm -rf "$runs"
  (cd "$dir/$side" && /usr/bin/time -f "%e %P" -o "$runs.time" deploy/local/reproduce-paper.sh "$runs" "$e" \
    >"$runs.log" 2>&1)
  cat "$runs.time"
}

printf '%-18s %10s %8s %10s %8s %7s\n' experiment before_s cpu after_s cpu ratio
sum_b=0
sum_a=0
for e in "${experiments[@]}"; do
  read -r b_s b_cpu < <(timed before "$e")
  read -r a_s a_cpu < <(timed after "$e")
  sum_b=$(awk -v s="$sum_b" -v x="$b_s" 'BEGIN { print s + x }')
  sum_a=$(awk -v s="$sum_a" -v x="$a_s" 'BEGIN { print s + x }')
  awk -v e="$e" -v b="$b_s" -v bc="$b_cpu" -v a="$a_s" -v ac="$a_cpu" \
    'BEGIN { printf "%-18s %10.1f %8s %10.1f %8s %7.3f\n", e, b, bc, a, ac, a / b }'
done
awk -v b="$sum_b" -v a="$sum_a" 'BEGIN { printf "%-18s %10.1f %8s %10.1f %8s %7.3f\n", "all", b, "", a, "", a / b }'
echo "runs and logs in $dir (ablations: ${TWOSTEP_ABLATE:-1})"
