package org.twostep.jobs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a launcher command in a JVM of its own (same java, class path and JVM flags), its output line by line into a
 * writer, its standard error to this JVM's. The pipeline trains side by side this way: DJL lets one gradient collector
 * record at a time per process, so two trainings in one JVM would refuse each other. The child computes what the same
 * command computes in process. A child still running when this JVM exits is destroyed with it.
 */
final class ChildLauncher {
  private ChildLauncher() {}

  /**
   * Whether a child JVM can start the launcher: its class must be on this JVM's class path. Under spark-submit the
   * application jar is loaded by Spark's own class loader instead, so there is no command line to repeat.
   */
  static boolean available() {
    try {
      return Class.forName(Twostep.class.getName(), false, ClassLoader.getSystemClassLoader()) == Twostep.class;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The command line that starts {@code args} in a new JVM like this one. */
  static List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:jdwp")) { // a debugger's port is this JVM's alone
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Twostep.class.getName());
    cmd.addAll(args);
    return cmd;
  }

  /** Runs {@code args} in a child JVM and returns its exit code. */
  static int run(List<String> args, PrintWriter out) {
    Process p;
    try {
      p = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM for `twostep " + String.join(" ", args) + "`", e);
    }
    Thread reaper = new Thread(p::destroy, "twostep-child-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        out.flush();
      }
      return p.waitFor();
    } catch (IOException e) {
      p.destroy();
      throw new UncheckedIOException("lost the output of `twostep " + String.join(" ", args) + "`", e);
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }
}
