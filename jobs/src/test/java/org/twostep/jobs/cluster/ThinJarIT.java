package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged spark-submit jar (target/twostep-spark.jar) and the cluster's SPARK_HOME/jars (target/spark-jars):
 * together they are exactly the runtime classpath, the thin jar holds no Spark, DJL finds its PyTorch engine and
 * natives in it offline, every module's reference.conf is merged, Typesafe Config is relocated.
 */
class ThinJarIT {
  static final Path TARGET = Path.of(System.getProperty("twostep.target", "target")).toAbsolutePath();
  /** The submit jar this build made: twostep-spark.jar, or twostep-spark-gpu.jar under -Pgpu (twostep.gpu = true). */
  static final Path JAR = TARGET.resolve(System.getProperty("twostep.submit.jar", "twostep-spark.jar"));
  static final boolean GPU = Boolean.getBoolean("twostep.gpu");
  static Set<String> thin;

  @BeforeAll
  static void read() throws IOException {
    thin = entries(JAR);
  }

  static Set<String> entries(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.stream().map(e -> e.getName()).collect(Collectors.toSet());
    }
  }

  static List<Path> jars(String dir) throws IOException {
    try (Stream<Path> s = Files.list(TARGET.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  static String firstClass(Set<String> entries) {
    return entries.stream().filter(e -> e.endsWith(".class") && !e.contains("module-info") && !e.startsWith("META-INF/"))
        .sorted().findFirst().orElse(null);
  }

  @Test
  void thinJarAndSparkHomeJarsPartitionTheRuntimeClasspath() throws IOException {
    Set<String> sparkJars = jars("spark-jars").stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    List<String> neither = new ArrayList<>();
    for (Path lib : jars("lib")) {
      String name = lib.getFileName().toString();
      String cls = firstClass(entries(lib));
      if (cls == null) {
        continue; // resource-only jars (natives, empty placeholders) are checked below
      }
      String shaded = cls.replace("com/typesafe/config/", "org/twostep/shaded/typesafe/config/");
      boolean inThin = thin.contains(shaded);
      assertFalse(inThin && sparkJars.contains(name), name + " is both shaded in and on the cluster's classpath");
      if (!inThin && !sparkJars.contains(name)) {
        neither.add(name);
      }
    }
    assertEquals(List.of(), neither, "every runtime jar is either shaded in or Spark's");
    assertTrue(sparkJars.stream().anyMatch(n -> n.startsWith("spark-core_2.13-")));
    assertTrue(sparkJars.stream().noneMatch(n -> n.startsWith("pytorch-") || n.startsWith("twostep-")));
  }

  @Test
  void noSparkOrScalaInsideAndTypesafeConfigRelocated() {
    assertTrue(thin.stream().noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
        || e.startsWith("org/apache/hadoop/") || e.startsWith("com/typesafe/config/")));
    assertTrue(thin.contains("org/twostep/shaded/typesafe/config/ConfigFactory.class"));
    assertTrue(thin.contains("org/twostep/jobs/cli/Twostep.class") && thin.contains("ai/djl/engine/Engine.class"));
  }

  @Test
  void onlyLinuxX8664NativesAreShipped() {
    List<String> natives = thin.stream().filter(e -> e.matches(".*\\.(so(\\.\\d+)*|dll|dylib|jnilib|a)$")).sorted().toList();
    assertTrue(natives.contains("jnilib/linux-x86_64/cpu/libdjl_torch.so"), natives.toString());
    assertTrue(natives.stream().anyMatch(e -> e.startsWith("pytorch/cpu/linux-x86_64/libtorch_cpu")), natives.toString());
    for (String n : natives) {
      assertTrue(n.matches(".*(linux-x86[-_]64|Linux/x86_64).*"), "unneeded native " + n);
      assertTrue(GPU || !n.contains("/cu"), "a CUDA native in the CPU jar: " + n);
    }
  }

  @Test
  void theGpuBuildAndOnlyItHoldsDjlsCudaJniLibrary() {
    List<String> cuda = thin.stream().filter(e -> e.matches("jnilib/linux-x86_64/cu\\d+/libdjl_torch\\.so")).toList();
    if (GPU) {
      assertEquals(List.of("jnilib/linux-x86_64/cu128/libdjl_torch.so"), cuda, JAR + " (-Pgpu) keeps the CUDA JNI library");
      assertTrue(JAR.getFileName().toString().equals("twostep-spark-gpu.jar"), JAR.toString());
    } else {
      assertEquals(List.of(), cuda, JAR + " (CPU build) strips the CUDA JNI library");
    }
  }

  @Test
  void servicesAndEveryModulesReferenceConfAreMerged() throws IOException {
    try (JarFile j = new JarFile(JAR.toFile())) {
      String engines = new String(j.getInputStream(j.getEntry("META-INF/services/ai.djl.engine.EngineProvider"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(engines.contains("ai.djl.pytorch.engine.PtEngineProvider"), engines);
      String merged = new String(j.getInputStream(j.getEntry("reference.conf")).readAllBytes(), StandardCharsets.UTF_8);
      int modules = 0;
      for (Path lib : jars("lib")) {
        if (lib.getFileName().toString().startsWith("twostep-")) {
          try (JarFile m = new JarFile(lib.toFile())) {
            var e = m.getEntry("reference.conf");
            assertNotNull(e, lib + " has its reference.conf");
            assertTrue(merged.contains(new String(m.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).strip()), lib.toString());
            modules++;
          }
        }
      }
      assertEquals(4, modules, "common, simulation, training, evaluation");
      assertTrue(merged.contains("simulate"), "and the jobs module's own");
      assertNotNull(j.getManifest().getMainAttributes().getValue("Implementation-Version"));
    }
  }

  /** In a JVM with only Spark's jars and the thin jar, offline, DJL loads PyTorch from the shaded natives. */
  @Test
  void djlFindsPyTorchOfflineOnTheClusterClasspath(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("EngineCheck.java");
    Files.writeString(src, """
        public class EngineCheck {
          public static void main(String[] a) {
            ai.djl.engine.Engine e = ai.djl.engine.Engine.getInstance();
            try (ai.djl.ndarray.NDManager m = e.newBaseManager()) {
              float s = m.create(new float[] {1f, 2f, 3.5f}).sum().getFloat();
              System.out.println(e.getEngineName() + " " + s);
            }
          }
        }
        """);
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder b = new ProcessBuilder(java, "-Dai.djl.offline=true",
        "-cp", TARGET.resolve("spark-jars") + "/*:" + JAR, src.toString())
        .redirectErrorStream(true);
    b.environment().put("DJL_OFFLINE", "true");
    b.environment().put("DJL_CACHE_DIR", dir.resolve("djl-cache").toString());
    b.environment().put("OMP_NUM_THREADS", "1");
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(3, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.strip().endsWith("PyTorch 6.5"), out);
    assertTrue(Files.isDirectory(dir.resolve("djl-cache")), "natives unpacked into the node-local cache");
  }
}
