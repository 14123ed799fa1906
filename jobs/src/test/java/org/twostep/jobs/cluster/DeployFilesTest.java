package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twostep.common.config.ConfigLoader;
import org.twostep.jobs.cli.Twostep;
import org.yaml.snakeyaml.Yaml;

/** What can be checked here of the deploy/ files: scripts parse, the DAG is Python, the manifest has its fields. */
class DeployFilesTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern CRON_FIELD = Pattern.compile("[0-9*/,-]+");

  record Run(int code, String out) {}

  static Run run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
    b.environment().putAll(env);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    return new Run(p.exitValue(), out);
  }

  /** The JVM flags every Spark JVM needs, one per line of deploy/jvm.options. */
  static List<String> jvmFlags() throws IOException {
    return Files.readAllLines(ROOT.resolve("deploy/jvm.options")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  /** The launcher's commands. */
  static Set<String> commands() {
    return new picocli.CommandLine(new Twostep()).getSubcommands().keySet();
  }

  @Test
  void everyScriptParsesAndIsExecutable() throws Exception {
    List<Path> scripts = new ArrayList<>(List.of(ROOT.resolve("deploy/local/twostep")));
    try (Stream<Path> s = Files.walk(ROOT.resolve("deploy"))) {
      s.filter(p -> p.toString().endsWith(".sh")).forEach(scripts::add);
    }
    assertTrue(scripts.size() >= 3, scripts.toString());
    for (Path p : scripts) {
      Run r = run(Map.of(), "bash", "-n", p.toString());
      assertEquals(0, r.code(), p + ": " + r.out());
      assertTrue(Files.isExecutable(p), p + " is executable");
    }
  }

  @Test
  void airflowDagIsPythonAndSubmitsTheLauncherForExistingExperiments() throws Exception {
    Path dag = ROOT.resolve("deploy/airflow/twostep_nightly_sweep.py");
    Run r = run(Map.of(), "python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])",
        dag.toString());
    assertEquals(0, r.code(), r.out());
    String src = Files.readString(dag);
    for (String needed : List.of("SparkSubmitOperator", "java_class=\"org.twostep.jobs.cli.Twostep\"",
        "max_active_runs=1", "catchup=False", "\"spark.authenticate\": \"true\"", "DJL_OFFLINE", "OMP_NUM_THREADS",
        "twostep-spark.jar", "deploy_mode=DEPLOY_MODE", "\"TWOSTEP_DEPLOY_MODE\", \"cluster\")")) {
      assertTrue(src.contains(needed), "the DAG has " + needed);
    }
    Matcher m = Pattern.compile("EXPERIMENTS = \\[([^\\]]*)]").matcher(src);
    assertTrue(m.find());
    List<String> experiments = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1)).results().map(x -> x.group(1)).toList();
    assertEquals(5, experiments.size(), experiments.toString());
    for (String e : experiments) {
      Config c = ConfigLoader.load(ROOT.resolve("conf/" + e + ".conf"), "paper", List.of());
      assertEquals(e, c.getString("experiment.name"));
    }
    Matcher args = Pattern.compile("application_args=\\[\"([a-z]+)\"").matcher(src);
    while (args.find()) {
      assertTrue(commands().contains(args.group(1)), args.group(1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesScheduleHasTheRequiredFields() throws Exception {
    Map<String, Object> doc = new Yaml().load(Files.readString(ROOT.resolve("deploy/kubernetes/twostep-nightly.yaml")));
    assertEquals("sparkoperator.k8s.io/v1beta2", doc.get("apiVersion"));
    assertEquals("ScheduledSparkApplication", doc.get("kind"));
    Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
    assertCron((String) spec.get("schedule"));
    assertEquals("Forbid", spec.get("concurrencyPolicy"));
    Map<String, Object> t = (Map<String, Object>) spec.get("template");
    assertEquals("Java", t.get("type"));
    assertEquals(Twostep.class.getName(), t.get("mainClass"));
    assertTrue(((String) t.get("mainApplicationFile")).endsWith("/twostep-spark.jar"));
    assertEquals(org.apache.spark.package$.MODULE$.SPARK_VERSION(), t.get("sparkVersion"), "the Spark we build against");
    List<String> arguments = (List<String>) t.get("arguments");
    assertTrue(arguments.get(arguments.indexOf("--out") + 1).startsWith("s3a://"), "everything on shared storage");
    assertTrue(commands().contains(arguments.get(0)), arguments.toString());
    String conf = arguments.get(arguments.indexOf("--config") + 1);
    String profile = arguments.get(arguments.indexOf("--profile") + 1);
    ConfigLoader.load(ROOT.resolve("conf").resolve(Path.of(conf).getFileName()), profile, List.of());
    Map<String, Object> sparkConf = (Map<String, Object>) t.get("sparkConf");
    assertEquals("true", sparkConf.get("spark.authenticate"));
    String cpus = (String) sparkConf.get("spark.task.cpus");
    assertTrue(arguments.contains("simulate.threads=" + cpus), "simulate.threads = spark.task.cpus");
    for (String role : List.of("driver", "executor")) {
      Map<String, Object> r = (Map<String, Object>) t.get(role);
      List<String> opts = List.of(((String) r.get("javaOptions")).split("\\s+"));
      assertTrue(opts.containsAll(jvmFlags()), role + " has every flag of deploy/jvm.options");
      Map<String, String> env = new java.util.HashMap<>();
      for (Map<String, Object> e : (List<Map<String, Object>>) r.get("env")) {
        env.put((String) e.get("name"), String.valueOf(e.get("value")));
      }
      assertEquals("true", env.get("DJL_OFFLINE"), role);
      if (role.equals("driver")) {
        assertTrue(env.containsKey("TWOSTEP_CACHE"), "the driver's working copy of the s3a:// run is named");
      }
      assertTrue(env.containsKey("DJL_CACHE_DIR"), role);
      if (role.equals("executor")) {
        assertEquals(cpus, env.get("OMP_NUM_THREADS"));
        assertTrue(opts.contains("-Dai.djl.pytorch.num_threads=" + cpus));
        assertEquals(0, (Integer) r.get("cores") % Integer.parseInt(cpus), "whole tasks per executor");
      }
    }
  }

  @Test
  void crontabLinesAreFiveFieldSchedulesGuardedByFlock() throws Exception {
    List<String> jobs = Files.readAllLines(ROOT.resolve("deploy/cron/twostep.crontab")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("[A-Z_]+=.*")).toList();
    assertFalse(jobs.isEmpty());
    for (String line : jobs) {
      String[] f = line.trim().split("\\s+", 6);
      assertEquals(6, f.length, line);
      assertCron(String.join(" ", List.of(f).subList(0, 5)));
      assertTrue(f[5].contains("flock -n "), "never two runs at once: " + line);
      assertTrue(f[5].contains("--out \"$TWOSTEP_OUT/"), "runs on the storage TWOSTEP_OUT names: " + line);
      Matcher cmd = Pattern.compile("deploy/spark-submit\\.sh .* -- ([a-z]+) ").matcher(f[5]);
      assertTrue(cmd.find(), line);
      assertTrue(commands().contains(cmd.group(1)), cmd.group(1));
    }
  }

  @Test
  void clusterConfIsAValidExperimentFileInBothProfiles() {
    for (String profile : List.of("quick", "paper")) {
      Config c = ConfigLoader.load(ROOT.resolve("conf/cluster.conf"), profile, List.of());
      assertEquals("ks-laminar-3d", c.getString("experiment.name"));
      assertEquals(2, c.getInt("simulate.threads"));
      assertTrue(c.getString("experiment.out").startsWith("/shared/"));
    }
  }

  @Test
  void sparkSubmitShipsTheConfigWithItsIncludesAndSetsPerTaskThreads() throws Exception {
    Map<String, String> env = Map.of("SPARK_SUBMIT", "printf %s\\n", "TWOSTEP_JAR", ROOT.resolve("pom.xml").toString());
    Run r = run(env, "deploy/spark-submit.sh", "--master", "spark://10.0.0.1:7077", "--deploy-mode", "cluster",
        "--task-cpus", "3", "--executor-cores", "6", "--", "simulate", "--config", "conf/cluster.conf", "--profile", "paper");
    assertEquals(0, r.code(), r.out());
    List<String> a = r.out().lines().toList();
    assertEquals("conf/cluster.conf,conf/ks-laminar-3d.conf", a.get(a.indexOf("--files") + 1), "included files travel too");
    assertEquals("cluster.conf", a.get(a.indexOf("--config") + 1), "the driver finds it in its working directory");
    assertTrue(a.contains("spark.task.cpus=3") && a.contains("simulate.threads=3"), a.toString());
    assertTrue(a.contains("spark.executorEnv.OMP_NUM_THREADS=3") && a.contains("spark.executorEnv.DJL_OFFLINE=true"));
    String executorOpts = a.stream().filter(l -> l.startsWith("spark.executor.extraJavaOptions=")).findFirst().orElseThrow();
    assertTrue(List.of(executorOpts.substring(executorOpts.indexOf('=') + 1).split("\\s+")).containsAll(jvmFlags()));
    assertTrue(executorOpts.contains("-Dai.djl.pytorch.num_threads=3"));
    assertEquals("org.twostep.jobs.cli.Twostep", a.get(a.indexOf("--class") + 1));

    Run status = run(env, "deploy/spark-submit.sh", "--", "status", "--out", "/tmp/x");
    assertEquals(0, status.code(), status.out());
    assertTrue(status.out().lines().noneMatch(l -> l.startsWith("simulate.threads=")), "status takes no overrides");
    Run bad = run(env, "deploy/spark-submit.sh", "--deploy-mode", "sideways", "--", "status", "--out", "/tmp/x");
    assertEquals(2, bad.code(), bad.out());
  }

  static void assertCron(String schedule) {
    String[] f = schedule.trim().split("\\s+");
    assertEquals(5, f.length, schedule);
    for (String x : f) {
      assertTrue(CRON_FIELD.matcher(x).matches(), schedule);
    }
  }
}
