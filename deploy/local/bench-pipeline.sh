#!/usr/bin/env bash
# Times the whole quick pipeline with stages one after another (pipeline.threads=1) and at once (the default: every
# core), side by side on this machine, each into a fresh directory, and prints wall time, CPU use and their ratio.
#
#   deploy/local/bench-pipeline.sh [CONFIG] [PROFILE] [ROUNDS]     (defaults: conf/ks-laminar-3d.conf quick 1)
#
# The runs alternate (sequential, concurrent, sequential, ...) so a load that comes and goes hits both alike. Both
# compute the same models and metrics (each stage's thread count is fixed): the script checks that the metrics agree.
# Environment: TWOSTEP (the launcher, default deploy/local/twostep), BENCH_DIR (default a temporary directory).
set -euo pipefail
cd "$(dirname "$0")/../.."
conf=${1:-conf/ks-laminar-3d.conf}
profile=${2:-quick}
rounds=${3:-1}
twostep=${TWOSTEP:-deploy/local/twostep}
dir=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$dir" # a BENCH_DIR given may not exist yet
"$twostep" --version >/dev/null # builds the launcher once, outside the timings
export TWOSTEP_NO_BUILD=1 # and never again within them, even if a source file changes meanwhile

# shellcheck source=deploy/local/bench-lib.sh
. deploy/local/bench-lib.sh

printf '%-6s %-12s %10s %8s\n' round mode wall_s cpu
for r in $(seq 1 "$rounds"); do
  rm -rf "$dir/sequential-$r" "$dir/concurrent-$r"
  read -r seq_s seq_cpu < <(bench_timed "$dir/sequential-$r" "$dir/sequential-$r" pipeline.threads=1)
  printf '%-6s %-12s %10s %8s\n' "$r" sequential "$seq_s" "$seq_cpu"
  read -r con_s con_cpu < <(bench_timed "$dir/concurrent-$r" "$dir/concurrent-$r")
  printf '%-6s %-12s %10s %8s\n' "$r" concurrent "$con_s" "$con_cpu"
  bench_verdict "$r" "concurrent / sequential" "$con_s" "$seq_s" "$dir/sequential-$r" "$dir/concurrent-$r"
done
echo "runs, logs and compare-*.json in $dir"
