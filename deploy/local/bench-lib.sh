#!/usr/bin/env bash
# Shared by the bench-*.sh scripts (sourced, not run): a timed pipeline run and the round's verdict.
# Expects $twostep, $conf, $profile and $dir to be set by the caller.

# bench_timed OUT LOG [key=value...]: one pipeline run into OUT (a path or URI); prints its seconds and CPU %, from
# GNU time's -f (bash's own time lacks the CPU share); the run's output goes to LOG.log
bench_timed() {
  local out=$1 log=$2
  shift 2
  /usr/bin/time -f "%e %P" -o "$log.time" "$twostep" pipeline --config "$conf" --profile "$profile" --out "$out" \
    --quiet "$@" >"$log.log" 2>&1
  cat "$log.time"
}

# bench_verdict ROUND LABEL SECONDS_B SECONDS_A RUN_A RUN_B: prints B / A wall time and how many W2² values differ
bench_verdict() {
  local r=$1 label=$2 b_s=$3 a_s=$4 a=$5 b=$6
  awk -v a="$a_s" -v b="$b_s" -v r="$r" -v l="$label" 'BEGIN { printf "round %s: %s wall time = %.2f\n", r, l, b / a }'
  "$twostep" compare "$a" "$b" --json >"$dir/compare-$r.json"
  local differ
  differ=$(grep '"ratio"' "$dir/compare-$r.json" | grep -v '"ratio": 1.0$' | grep -vc '"ratio": null$' || true)
  echo "round $r: $differ W2² value(s) differ between the two runs (expected 0)"
}
