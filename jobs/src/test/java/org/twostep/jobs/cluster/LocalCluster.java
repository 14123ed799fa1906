package org.twostep.jobs.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The standalone cluster of {@code deploy/local/standalone-cluster.sh}, driven from tests: one master and N workers
 * on loopback with a fresh secret. {@link #close()} stops it even when a test failed, and a shutdown hook does the
 * same if the test JVM is torn down; both also kill by pid whatever the script left (executors included).
 */
final class LocalCluster implements AutoCloseable {
  final Path root;
  final Path state;
  private final int workers;
  private final List<ProcessHandle> started = new ArrayList<>();
  private final Thread hook = new Thread(this::stopQuietly, "stop-local-cluster");
  private String url;

  LocalCluster(Path root, Path state, int workers) {
    this.root = root;
    this.state = state;
    this.workers = workers;
  }

  /** Starts master and workers and returns the master URL {@code spark://127.0.0.1:PORT}. */
  String start() throws IOException, InterruptedException {
    Runtime.getRuntime().addShutdownHook(hook);
    Path log = state.resolve("start.log");
    Files.createDirectories(state);
    Process p = script(log, Map.of(), "start").start();
    boolean done = p.waitFor(4, TimeUnit.MINUTES);
    remember();
    if (!done || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("cluster did not start: " + Files.readString(log));
    }
    url = Files.readString(state.resolve("master.url")).strip();
    return url;
  }

  String url() {
    return url;
  }

  /** Submits {@code twostep args...} through the script; stdout and stderr go to {@code log}. */
  Process submit(Path log, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("submit"));
    cmd.addAll(List.of(args));
    return script(log, env, cmd.toArray(String[]::new)).start();
  }

  /** The pid of a daemon ({@code master}, {@code worker-1}, ...) from its pid file. */
  long pid(String daemon) throws IOException {
    return Long.parseLong(Files.readString(state.resolve(daemon + ".pid")).strip());
  }

  /** SIGKILL of one worker's JVM by pid, as a machine failure would do. */
  void killWorker(int n) throws IOException, InterruptedException {
    ProcessHandle worker = ProcessHandle.of(pid("worker-" + n)).orElseThrow();
    worker.destroyForcibly();
    waitFor(worker);
  }

  String log(String name) throws IOException {
    return Files.readString(state.resolve("logs").resolve(name + ".log"), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private void stopQuietly() {
    try {
      remember();
      Process p = script(state.resolve("stop.log"), Map.of(), "stop").start();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // fall through to the kill by pid
    }
    for (ProcessHandle h : started) {
      h.destroyForcibly();
    }
  }

  /** Records the daemons and their children (executors) so that they can be killed by pid whatever happens. */
  private void remember() {
    try (Stream<Path> files = Files.list(state)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        ProcessHandle.of(Long.parseLong(Files.readString(f).strip())).ifPresent(h -> {
          started.add(h);
          h.descendants().forEach(started::add);
        });
      }
    } catch (IOException | NumberFormatException e) {
      // nothing started yet
    }
  }

  private static void waitFor(ProcessHandle h) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (h.isAlive() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  private ProcessBuilder script(Path log, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("deploy/local/standalone-cluster.sh").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    b.environment().put("TWOSTEP_CLUSTER_DIR", state.toString());
    b.environment().put("TWOSTEP_WORKERS", Integer.toString(workers));
    b.environment().put("TWOSTEP_NO_BUILD", "1"); // the jars under test are the ones `mvn verify` just packaged
    b.environment().put("TWOSTEP_WORKER_MEMORY", "1536m");
    b.environment().put("TWOSTEP_EXECUTOR_MEMORY", "1g");
    b.environment().put("TWOSTEP_DRIVER_HEAP", "1g");
    b.environment().putAll(env);
    return b;
  }
}
