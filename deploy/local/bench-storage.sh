#!/usr/bin/env bash
# Times the whole quick pipeline into a local directory and into HDFS, side by side on this machine, each run a
# fresh JVM into a fresh directory, and prints wall time, CPU use and the HDFS / local ratio per round.
#
#   deploy/local/bench-storage.sh [CONFIG] [PROFILE] [ROUNDS]     (defaults: conf/ks-laminar-3d.conf quick 1)
#
# HDFS is a real NameNode + DataNode in a process of its own (org.twostep.jobs.cluster.MiniHdfs, from
# hadoop-client-minicluster, Spark's Hadoop version), so the pipeline's JVM talks to it over RPC as to a cluster's.
# The runs alternate (local, HDFS, local, ...) so a load that comes and goes hits both alike, and the script checks
# that both compute the same metrics. Environment: TWOSTEP (the launcher, default deploy/local/twostep), BENCH_DIR
# (default a temporary directory), MVN (default ./mvnw).
set -euo pipefail
cd "$(dirname "$0")/../.."
conf=${1:-conf/ks-laminar-3d.conf}
profile=${2:-quick}
rounds=${3:-1}
twostep=${TWOSTEP:-deploy/local/twostep}
dir=$(realpath -m "${BENCH_DIR:-$(mktemp -d)}")
mkdir -p "$dir"
"$twostep" --version >/dev/null # builds the launcher once, outside the timings
export TWOSTEP_NO_BUILD=1 # and never again within them, even if a source file changes meanwhile

# the HDFS process: the jobs module's test classpath (MiniHdfs and the minicluster jar)
${MVN:-./mvnw} -B -q -o -pl jobs -am test-compile -Dtwostep.thin.skip=true >"$dir/build.log" 2>&1 ||
  ${MVN:-./mvnw} -B -q -pl jobs -am test-compile -Dtwostep.thin.skip=true >"$dir/build.log" 2>&1
${MVN:-./mvnw} -B -q -pl jobs dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$dir/classpath.txt" >>"$dir/build.log" 2>&1
cp="jobs/target/test-classes:jobs/target/classes:$(cat "$dir/classpath.txt")"
rm -f "$dir/hdfs.uri"
coproc HDFS { exec java -cp "$cp" org.twostep.jobs.cluster.MiniHdfs "$dir/hdfs" "$dir/hdfs.uri" >"$dir/hdfs.log" 2>&1; }
trap 'exec {HDFS[1]}>&-; wait "$HDFS_PID" 2>/dev/null || true' EXIT # closing its stdin stops HDFS
for _ in $(seq 1 120); do [ -f "$dir/hdfs.uri" ] && break; sleep 1; done
[ -f "$dir/hdfs.uri" ] || { echo "bench-storage: HDFS did not start, see $dir/hdfs.log" >&2; exit 1; }
hdfs=$(cat "$dir/hdfs.uri")

# shellcheck source=deploy/local/bench-lib.sh
. deploy/local/bench-lib.sh

printf '%-6s %-8s %10s %8s\n' round storage wall_s cpu
for r in $(seq 1 "$rounds"); do
  rm -rf "$dir/local-$r"
  read -r loc_s loc_cpu < <(bench_timed "$dir/local-$r" "$dir/local-$r")
  printf '%-6s %-8s %10s %8s\n' "$r" local "$loc_s" "$loc_cpu"
  read -r hdfs_s hdfs_cpu < <(bench_timed "$hdfs/bench/run-$r" "$dir/hdfs-$r")
  printf '%-6s %-8s %10s %8s\n' "$r" hdfs "$hdfs_s" "$hdfs_cpu"
  bench_verdict "$r" "HDFS / local" "$hdfs_s" "$loc_s" "$dir/local-$r" "$hdfs/bench/run-$r"
done
echo "runs, logs and compare-*.json in $dir (the HDFS data under $dir/hdfs, stopped on exit)"
