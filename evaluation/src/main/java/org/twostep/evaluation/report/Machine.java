package org.twostep.evaluation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a page was published on: CPU model, processors, total memory, Java and OS. */
public record Machine(String cpu, int processors, String memory, String java, String os) {

  /** This machine (CPU and memory from /proc on Linux, "unknown" elsewhere). */
  public static Machine current() {
    String cpu = procField("/proc/cpuinfo", "model name");
    String mem = procField("/proc/meminfo", "MemTotal");
    if (mem != null && mem.endsWith("kB")) {
      try {
        mem = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
      } catch (NumberFormatException e) {
        // keep the raw value
      }
    }
    return new Machine(cpu == null ? "unknown" : cpu, Runtime.getRuntime().availableProcessors(),
        mem == null ? "unknown" : mem,
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** One line for the page. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, %d processors, %s memory, Java %s, %s", cpu, processors, memory, java, os);
  }

  private static String procField(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
          return line.substring(colon + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
