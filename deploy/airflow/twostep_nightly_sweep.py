"""Nightly twostep sweep on a Spark cluster (Apache Airflow, apache-airflow-providers-apache-spark).

One SparkSubmitOperator per experiment runs ``twostep pipeline``; completed units (same config hash) are skipped, so
extending a sigma grid in the experiment file makes the next night compute only the new sigma values. A final task
runs ``twostep status`` so the log of every night lists what is complete, stale or missing.

Set up: an Airflow connection ``spark_twostep`` (type Spark, host spark://MASTER, port 7077, or yarn / k8s://...),
the thin jar and the conf/ directory on the Airflow workers under TWOSTEP_HOME, and the cluster's shared secret in
``$TWOSTEP_HOME/spark-auth.conf`` (mode 0600), never in this file.

Where the driver runs: the driver trains the models (DJL on the driver's cores, ``driver_memory`` of heap, hours at
paper scale), so it must not run on the Airflow worker. DEPLOY_MODE is ``cluster``: spark-submit starts the driver in
a container of the cluster (YARN, Kubernetes; on a standalone master the conf/ and jar paths must exist on every
worker, e.g. a shared TWOSTEP_HOME) with ``driver_memory`` as its heap; the experiment file travels with ``files``
and is named by its base name. Every output goes to OUT (HDFS by default), so nothing is left on the driver's disk.
TWOSTEP_DEPLOY_MODE=client keeps the driver on the Airflow worker (spark-submit then starts it there with
``driver_memory`` of heap): only on a worker sized for it (8 GB free and idle cores), in a pool of one slot.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

TWOSTEP_HOME = os.environ.get("TWOSTEP_HOME", "/opt/twostep")
JAR = f"{TWOSTEP_HOME}/twostep-spark.jar"
OUT = os.environ.get("TWOSTEP_OUT", "hdfs:///twostep/nightly")
DEPLOY_MODE = os.environ.get("TWOSTEP_DEPLOY_MODE", "cluster")
TASK_CPUS = 2
EXPERIMENTS = ["ks-laminar-3d", "ks-laminar-4d", "ks-kolmogorov-3d", "kpp-cellular-2d", "kpp-kolmogorov-3d"]

with open(f"{TWOSTEP_HOME}/deploy/jvm.options" if os.path.exists(f"{TWOSTEP_HOME}/deploy/jvm.options") else os.devnull) as f:
    JVM_FLAGS = " ".join(line.strip() for line in f if line.strip() and not line.startswith("#"))

# The same flags as deploy/spark-submit.sh: Java 17 opens, DJL offline with a node-local cache, one thread per task cpu.
SPARK_CONF = {
    "spark.task.cpus": str(TASK_CPUS),
    "spark.driver.extraJavaOptions": JVM_FLAGS,
    "spark.executor.extraJavaOptions": f"{JVM_FLAGS} -Dai.djl.pytorch.num_threads={TASK_CPUS} -Dai.djl.pytorch.num_interop_threads=1",
    "spark.executorEnv.DJL_OFFLINE": "true",
    "spark.executorEnv.DJL_CACHE_DIR": "/tmp/twostep-djl",
    "spark.executorEnv.OMP_NUM_THREADS": str(TASK_CPUS),
    "spark.executorEnv.MKL_NUM_THREADS": str(TASK_CPUS),
    "spark.authenticate": "true",
}

default_args = {"owner": "twostep", "retries": 1, "retry_delay": timedelta(minutes=10)}

with DAG(
    dag_id="twostep_nightly_sweep",
    description="twostep pipeline for every experiment, incremental over the sigma grids",
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,  # never two sweeps at once: they would publish into the same run directories
    default_args=default_args,
    tags=["twostep", "spark"],
) as dag:
    for experiment in EXPERIMENTS:
        config = f"{TWOSTEP_HOME}/conf/{experiment}.conf"
        # in cluster mode the driver finds the shipped file (files=config) in its working directory
        config_arg = os.path.basename(config) if DEPLOY_MODE == "cluster" else config
        out = f"{OUT}/{experiment}"
        common = dict(
            conn_id="spark_twostep",
            application=JAR,
            deploy_mode=DEPLOY_MODE,
            java_class="org.twostep.jobs.cli.Twostep",
            conf=SPARK_CONF,
            properties_file=f"{TWOSTEP_HOME}/spark-auth.conf",
            files=config,
            executor_cores=TASK_CPUS,
            executor_memory="8g",
            driver_memory="8g",
            verbose=False,
        )
        pipeline = SparkSubmitOperator(
            task_id=f"pipeline_{experiment.replace('-', '_')}",
            name=f"twostep-{experiment}",
            application_args=["pipeline", "--config", config_arg, "--profile", "paper", "--out", out,
                              f"simulate.threads={TASK_CPUS}"],
            execution_timeout=timedelta(hours=10),
            **common,
        )
        status = SparkSubmitOperator(
            task_id=f"status_{experiment.replace('-', '_')}",
            name=f"twostep-status-{experiment}",
            application_args=["status", "--out", out, "--config", config_arg, "--profile", "paper"],
            execution_timeout=timedelta(minutes=15),
            **common,
        )
        pipeline >> status
