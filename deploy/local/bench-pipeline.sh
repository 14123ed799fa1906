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
"$twostep" --version >/dev/null # builds the launcher once, outside the timings
export TWOSTEP_NO_BUILD=1 # and never again within them, even if a source file changes meanwhile

# seconds and CPU % of one pipeline run, from GNU time's -f (bash's own time lacks the CPU share)
timed() {
  local out=$1
  shift
  rm -rf "$out"
  /usr/bin/time -f "%e %P" -o "$out.time" "$twostep" pipeline --config "$conf" --profile "$profile" --out "$out" \
    --quiet "$@" >"$out.log" 2>&1
  cat "$out.time"
}

printf '%-6s %-12s %10s %8s\n' round mode wall_s cpu
for r in $(seq 1 "$rounds"); do
  read -r seq_s seq_cpu < <(timed "$dir/sequential-$r" pipeline.threads=1)
  printf '%-6s %-12s %10s %8s\n' "$r" sequential "$seq_s" "$seq_cpu"
  read -r con_s con_cpu < <(timed "$dir/concurrent-$r")
  printf '%-6s %-12s %10s %8s\n' "$r" concurrent "$con_s" "$con_cpu"
  awk -v a="$con_s" -v b="$seq_s" 'BEGIN { printf "round %s: concurrent / sequential wall time = %.2f\n", '"$r"', a / b }'
  "$twostep" compare "$dir/sequential-$r" "$dir/concurrent-$r" --json >"$dir/compare-$r.json"
  differ=$(grep '"ratio"' "$dir/compare-$r.json" | grep -v '"ratio": 1.0$' | grep -vc '"ratio": null$' || true)
  echo "round $r: $differ W2² value(s) differ between the two runs (expected 0)"
done
echo "runs, logs and compare-*.json in $dir"
