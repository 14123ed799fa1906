#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the Maven Central jars the build resolved: one master and
# N workers as separate JVMs, bound to loopback, with shared-secret authentication (a new secret per start).
#   deploy/local/standalone-cluster.sh start
#   deploy/local/standalone-cluster.sh submit pipeline --config conf/ks-laminar-3d.conf --profile quick --out DIR
#   deploy/local/standalone-cluster.sh status | stop
#   deploy/local/standalone-cluster.sh kill-worker N     (fault drill: SIGKILL worker N's JVM by pid)
# Environment (defaults in brackets):
#   TWOSTEP_CLUSTER_DIR  state: pids, logs, secret, SPARK_HOME, worker dirs [jobs/target/cluster]
#   TWOSTEP_WORKERS [2]  TWOSTEP_WORKER_CORES [1]  TWOSTEP_WORKER_MEMORY [2g]  TWOSTEP_EXECUTOR_MEMORY [1g]
#   TWOSTEP_DRIVER_HEAP [2g]  TWOSTEP_TASK_CPUS [1]  TWOSTEP_NO_BUILD=1 (use the jars as built)
#   TWOSTEP_NO_AUTH=1    submit WITHOUT the secret (to see the cluster refuse it)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="${TWOSTEP_CLUSTER_DIR:-$root/jobs/target/cluster}"
workers="${TWOSTEP_WORKERS:-2}"
spark_jars="$root/jobs/target/spark-jars"
app_jar="${TWOSTEP_JAR:-$root/jobs/target/twostep-spark.jar}"  # -Pgpu builds twostep-spark-gpu.jar
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
mapfile -t jvm < <(grep -v '^#' "$root/deploy/jvm.options")
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"  # a Java 17; workers start executors with the same JAVA_HOME

die() { echo "standalone-cluster: $*" >&2; exit 2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

build() {
  if [ -z "${TWOSTEP_NO_BUILD:-}" ] && { [ ! -f "$app_jar" ] || [ ! -d "$spark_jars" ]; }; then
    echo "standalone-cluster: building the jars (mvn package)..." >&2
    (cd "$root" && ${TWOSTEP_MVN:-./mvnw} -B -q -pl jobs -am package -DskipTests) >&2
  fi
  [ -f "$app_jar" ] && [ -d "$spark_jars" ] || die "missing $app_jar or $spark_jars: run './mvnw -pl jobs -am package -DskipTests'"
}

# SPARK_HOME as spark-submit's launcher expects it: jars/ with Spark's classpath and an empty RELEASE file
spark_home() {
  local home="$state/spark-home"
  mkdir -p "$home"
  ln -sfn "$spark_jars" "$home/jars"
  : >"$home/RELEASE"
  echo "$home"
}

# waits until a log shows a line, or the process died, or the time is up
await() {
  local log="$1" pattern="$2" pidfile="$3" i
  for i in $(seq 1 240); do
    grep -q "$pattern" "$log" 2>/dev/null && return 0
    alive "$pidfile" || { tail -20 "$log" >&2; die "process of $log exited"; }
    sleep 0.25
  done
  tail -20 "$log" >&2
  die "timed out waiting for '$pattern' in $log"
}

start() {
  alive "$state/master.pid" && die "already running (master pid $(cat "$state/master.pid")); stop it first"
  build
  mkdir -p "$state/logs" "$state/work"
  local home; home="$(spark_home)"
  export SPARK_HOME="$home"
  # a fresh secret per cluster, readable by this user only, never on a command line
  (umask 077; printf 'spark.authenticate true\nspark.authenticate.secret %s\n' \
    "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" >"$state/auth.conf")
  local common=(-Xmx512m "${jvm[@]}" -cp "$home/jars/*")
  # master: port 0 lets the OS pick a free loopback port; its URL is read from its log
  nohup "$java" "${common[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
    --properties-file "$state/auth.conf" >"$state/logs/master.log" 2>&1 &
  echo $! >"$state/master.pid"
  await "$state/logs/master.log" "Starting Spark master at spark://" "$state/master.pid"
  local url
  url="$(grep -o 'spark://127.0.0.1:[0-9]*' "$state/logs/master.log" | head -1)"
  echo "$url" >"$state/master.url"
  local n
  for n in $(seq 1 "$workers"); do
    mkdir -p "$state/work/worker-$n"
    SPARK_WORKER_DIR="$state/work/worker-$n" nohup "$java" "${common[@]}" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port 0 --webui-port 0 --cores "${TWOSTEP_WORKER_CORES:-1}" \
      --memory "${TWOSTEP_WORKER_MEMORY:-2g}" --work-dir "$state/work/worker-$n" \
      --properties-file "$state/auth.conf" "$url" >"$state/logs/worker-$n.log" 2>&1 &
    echo $! >"$state/worker-$n.pid"
  done
  for n in $(seq 1 "$workers"); do
    await "$state/logs/worker-$n.log" "Successfully registered with master" "$state/worker-$n.pid"
  done
  echo "$url"
}

submit() {
  [ -f "$state/master.url" ] && alive "$state/master.pid" || die "no cluster running in $state: start it first"
  build
  local home; home="$(spark_home)"
  export SPARK_HOME="$home"
  local props=() cpus="${TWOSTEP_TASK_CPUS:-1}"
  [ -z "${TWOSTEP_NO_AUTH:-}" ] && props=(--properties-file "$state/auth.conf")
  # exactly what the spark-submit script runs: SparkSubmit in a JVM on Spark's classpath (client mode: the driver
  # is this JVM, so its flags go here as well as into spark.driver.extraJavaOptions)
  SPARK_SUBMIT="$java -Xmx${TWOSTEP_DRIVER_HEAP:-2g} ${jvm[*]} -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -cp $home/jars/* org.apache.spark.deploy.SparkSubmit" \
  TWOSTEP_JAR="$app_jar" TWOSTEP_DJL_CACHE="$state/djl-cache" \
    exec "$root/deploy/spark-submit.sh" --master "$(cat "$state/master.url")" --deploy-mode client \
      --executor-cores "$cpus" --task-cpus "$cpus" --executor-memory "${TWOSTEP_EXECUTOR_MEMORY:-1g}" \
      "${props[@]}" -- "$@"
}

stop() {
  local f pid i
  for f in "$state"/worker-*.pid "$state/master.pid"; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  rm -f "$state/master.url" "$state/auth.conf"
}

status() {
  local f
  [ -f "$state/master.url" ] && echo "master $(cat "$state/master.url")"
  for f in "$state/master.pid" "$state"/worker-*.pid; do
    [ -f "$f" ] || continue
    if alive "$f"; then echo "$(basename "$f" .pid) pid $(cat "$f") running"; else echo "$(basename "$f" .pid) dead"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  submit) shift; submit "$@" ;;
  kill-worker) f="$state/worker-${2:?worker number}.pid"; alive "$f" || die "worker ${2} is not running"; kill -9 "$(cat "$f")" ;;
  *) echo "usage: $0 start | stop | status | submit <twostep arguments> | kill-worker N" >&2; exit 2 ;;
esac
