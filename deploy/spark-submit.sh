#!/usr/bin/env bash
# Submit twostep to a Spark cluster (standalone, YARN or Kubernetes) with the flags the jobs need.
#   deploy/spark-submit.sh --master spark://HOST:7077 [options] -- simulate --config conf/cluster.conf --out hdfs:///twostep/run
# Options (defaults in brackets):
#   --master URL          cluster master [$SPARK_MASTER or spark://127.0.0.1:7077]
#   --deploy-mode MODE    client | cluster [client]; in cluster mode the --config file is shipped with --files
#   --executor-cores N    cores per executor [2]
#   --executor-memory M   heap per executor [4g]
#   --driver-memory M     heap of the driver [4g]
#   --total-cores N       cap on the application's cores (standalone) [unset: all]
#   --task-cpus N         cores per task: spark.task.cpus, simulate.threads, PyTorch and OpenMP threads [1]
#   --properties-file F   extra Spark properties, e.g. spark.authenticate and its secret (never put a secret on argv)
#   --conf K=V            any other Spark property (repeatable)
# Environment: SPARK_SUBMIT (the command that submits, default $SPARK_HOME/bin/spark-submit or spark-submit on PATH),
#   TWOSTEP_JAR (default jobs/target/twostep-spark.jar), TWOSTEP_DJL_CACHE (node-local DJL cache, default /tmp/twostep-djl-$USER),
#   TWOSTEP_DRIVER_OPTS (extra driver JVM flags, e.g. DJL's -DPYTORCH_LIBRARY_PATH=... of a GPU driver: deploy/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${TWOSTEP_JAR:-$root/jobs/target/twostep-spark.jar}"
master="${SPARK_MASTER:-spark://127.0.0.1:7077}"
mode=client executor_cores=2 executor_memory=4g driver_memory=4g total_cores="" task_cpus=1 props=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) master="$2"; shift 2 ;;
    --deploy-mode) mode="$2"; shift 2 ;;
    --executor-cores) executor_cores="$2"; shift 2 ;;
    --executor-memory) executor_memory="$2"; shift 2 ;;
    --driver-memory) driver_memory="$2"; shift 2 ;;
    --total-cores) total_cores="$2"; shift 2 ;;
    --task-cpus) task_cpus="$2"; shift 2 ;;
    --properties-file) props="$2"; shift 2 ;;
    --conf) extra+=(--conf "$2"); shift 2 ;;
    --) shift; break ;;
    *) echo "spark-submit.sh: unknown option $1 (twostep's own arguments go after --)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "spark-submit.sh: no twostep command after --" >&2; exit 2; }
case "$mode" in client|cluster) ;; *) echo "spark-submit.sh: --deploy-mode is client or cluster, found $mode" >&2; exit 2 ;; esac
[ -f "$jar" ] || { echo "spark-submit.sh: $jar is missing: run './mvnw -pl jobs -am package -DskipTests' first" >&2; exit 2; }

if [ -n "${SPARK_SUBMIT:-}" ]; then
  read -r -a submit <<<"$SPARK_SUBMIT"
elif [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  submit=("$SPARK_HOME/bin/spark-submit")
else
  submit=(spark-submit)
fi

# Java 17 flags (add-opens, the Vector API, DJL offline) for every JVM, plus per-task native thread counts so that
# tasks sharing an executor do not oversubscribe its cores.
jvm="$(grep -v '^#' "$root/deploy/jvm.options" | tr '\n' ' ')"
djl_cache="${TWOSTEP_DJL_CACHE:-/tmp/twostep-djl-${USER:-spark}}"
threads="-Dai.djl.pytorch.num_threads=$task_cpus -Dai.djl.pytorch.num_interop_threads=1"

# The config file travels with --files; in cluster mode the driver finds it by its base name in its working directory.
args=("$@") files=()
for i in "${!args[@]}"; do
  if [ "${args[$i]}" = "--config" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    conf="${args[$((i + 1))]}"
    files+=("$conf")
    # files the config includes by a relative name travel with it (conf/cluster.conf includes an experiment file)
    while read -r inc; do
      [ -f "$(dirname "$conf")/$inc" ] && files+=("$(dirname "$conf")/$inc")
    done < <(sed -n 's/^[[:space:]]*include[[:space:]]*"\([^"/]*\)".*/\1/p' "$conf" 2>/dev/null)
    [ "$mode" = cluster ] && args[$((i + 1))]="$(basename "$conf")"
  fi
done
# simulate.threads = spark.task.cpus for the commands that take configuration overrides (unless given)
case "${args[0]}" in
  simulate|pipeline|train|generate|evaluate)
    printf '%s\n' "${args[@]}" | grep -q '^simulate\.threads=' || args+=("simulate.threads=$task_cpus") ;;
esac

cmd=("${submit[@]}" --master "$master" --deploy-mode "$mode" --class org.twostep.jobs.cli.Twostep --name twostep
  --driver-memory "$driver_memory" --executor-memory "$executor_memory" --executor-cores "$executor_cores"
  --conf "spark.task.cpus=$task_cpus"
  --conf "spark.driver.extraJavaOptions=$jvm ${TWOSTEP_DRIVER_OPTS:-}"
  --conf "spark.executor.extraJavaOptions=$jvm $threads"
  --conf "spark.executorEnv.DJL_OFFLINE=true"
  --conf "spark.executorEnv.DJL_CACHE_DIR=$djl_cache"
  --conf "spark.executorEnv.OMP_NUM_THREADS=$task_cpus"
  --conf "spark.executorEnv.MKL_NUM_THREADS=$task_cpus"
  --conf "spark.ui.showConsoleProgress=false")
[ -n "$total_cores" ] && cmd+=(--total-executor-cores "$total_cores")
[ -n "$props" ] && cmd+=(--properties-file "$props")
[ ${#files[@]} -gt 0 ] && cmd+=(--files "$(IFS=,; echo "${files[*]}")")
cmd+=("${extra[@]}" "$jar" "${args[@]}")
exec "${cmd[@]}"
