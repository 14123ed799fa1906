package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.config.ConfigLoader;
import org.twostep.jobs.cli.StatusCommand.State;
import org.twostep.jobs.cli.StatusCommand.UnitStatus;
import org.twostep.jobs.pipeline.RunLayout;

/** {@code twostep status} against a real simulate run: complete, stale, incomplete and missing units by marker. */
class StatusCommandTest {
  static final Path CONFIG = Path.of("../conf/ks-laminar-3d.conf").toAbsolutePath().normalize();
  static final List<String> TINY = List.of("simulate.floor_replicas=1", "ks.particles=32", "ks.t_end=0.002", "sigma.train=[20, 40]",
      "sigma.test=[20, 40, 60]");

  @TempDir static Path shared;
  @TempDir Path dir;
  static Path run;

  /** One simulate run through the launcher (8 units: train x2, test x3, reference_b x3), copied by each test. */
  @BeforeAll
  static void simulate() {
    run = shared.resolve("run");
    List<String> args = new ArrayList<>(List.of("simulate", "--config", CONFIG.toString(), "--profile", "quick",
        "--out", run.toString()));
    args.addAll(TINY);
    assertEquals(0, Twostep.commandLine().setOut(new PrintWriter(new StringWriter())).execute(args.toArray(String[]::new)));
  }

  private Path copy() throws IOException {
    Path to = dir.resolve("run");
    try (Stream<Path> s = Files.walk(run)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  private static Config config(String... extra) {
    List<String> o = new ArrayList<>(TINY);
    o.addAll(List.of(extra));
    return ConfigLoader.load(CONFIG, "quick", o);
  }

  private static Map<State, Long> count(List<UnitStatus> rows) {
    return rows.stream().collect(Collectors.groupingBy(UnitStatus::state, Collectors.counting()));
  }

  @Test
  void jsonListsEveryUnitWithItsStateHashAndVersionAndTheCounts() throws IOException {
    Path copy = copy();
    Files.delete(Files.list(copy.resolve("particles/experiment=ks-laminar-3d/sigma_index=2"))
        .filter(p -> p.getFileName().toString().equals("_DONE.test.json")).findFirst().orElseThrow());
    List<String> args = new ArrayList<>(List.of("status", "--json", "--out", copy.toString(), "--config",
        CONFIG.toString(), "--profile", "quick"));
    args.addAll(TINY);
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.err());
    com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(copy.toString(), o.get("run").getAsString());
    var units = o.getAsJsonArray("units");
    assertEquals(8, units.size());
    String hash = ConfigHash.simulation(config());
    int complete = 0;
    for (var e : units) {
      var u = e.getAsJsonObject();
      assertEquals("particles", u.get("table").getAsString());
      boolean removed = u.get("sigma_index").getAsInt() == 2 && u.get("unit").getAsString().equals("test");
      assertEquals(removed ? "incomplete" : "complete", u.get("state").getAsString(), u.toString());
      if (!removed) {
        complete++;
        assertEquals(hash, u.get("config_hash").getAsString());
        assertTrue(!u.get("code_version").getAsString().isEmpty());
      }
    }
    assertEquals(7, complete);
    assertEquals(7, o.getAsJsonObject("counts").getAsJsonObject("particles").get("complete").getAsInt());
    assertEquals(1, o.getAsJsonObject("counts").getAsJsonObject("particles").get("incomplete").getAsInt());
  }

  @Test
  void aFinishedRunIsCompleteWithItsConfigHashAndCodeVersion() {
    List<UnitStatus> rows = StatusCommand.scan(run.toString(), config());
    assertEquals(Map.of(State.COMPLETE, 8L), count(rows), rows.toString());
    String hash = ConfigHash.simulation(config());
    assertTrue(rows.stream().allMatch(r -> r.table().equals("particles") && r.configHash().equals(hash)
        && !r.codeVersion().isEmpty()), rows.toString());
    assertEquals(List.of("reference_b", "test", "train"),
        rows.stream().filter(r -> r.sigmaIndex() == 0).map(UnitStatus::unit).toList());
  }

  @Test
  void aChangedConfigMakesEveryUnitStaleButASimulateOnlyKnobDoesNot() {
    assertEquals(Map.of(State.STALE, 8L), count(StatusCommand.scan(run.toString(), config("ks.chi=0.5"))));
    assertEquals(Map.of(State.COMPLETE, 8L), count(StatusCommand.scan(run.toString(), config("simulate.threads=1"))),
        "thread count does not change the particles");
  }

  @Test
  void filesWithoutAMarkerAreIncompleteAndAnAbsentPartitionIsMissing() throws IOException {
    Path out = copy();
    Path p2 = Path.of(RunLayout.partition(out.resolve("particles").toString(), "ks-laminar-3d", 2));
    Files.delete(p2.resolve("_DONE.test.json")); // a crash between moving the files and writing the marker
    Path p1 = Path.of(RunLayout.partition(out.resolve("particles").toString(), "ks-laminar-3d", 1));
    try (Stream<Path> s = Files.walk(p1)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    List<UnitStatus> rows = StatusCommand.scan(out.toString(), config());
    assertEquals(Map.of(State.COMPLETE, 4L, State.INCOMPLETE, 1L, State.MISSING, 3L), count(rows), rows.toString());
    assertTrue(rows.contains(new UnitStatus("particles", "ks-laminar-3d", 2, "test", State.INCOMPLETE, "", "")));
    assertEquals(List.of("reference_b", "test", "train"), rows.stream().filter(r -> r.state() == State.MISSING)
        .map(UnitStatus::unit).sorted().toList(), "sigma 40 is on both grids");
  }

  @Test
  void anExtendedGridListsTheNewSigmaAsMissing() {
    Config wider = config("sigma.test=[20, 40, 60, 80]");
    List<UnitStatus> rows = StatusCommand.scan(run.toString(), wider);
    List<UnitStatus> missing = rows.stream().filter(r -> r.state() == State.MISSING).toList();
    assertEquals(List.of(3, 3), missing.stream().map(UnitStatus::sigmaIndex).toList(), missing.toString());
    assertEquals(List.of("reference_b", "test"), missing.stream().map(UnitStatus::unit).sorted().toList());
  }

  @Test
  void withoutAConfigEveryMarkedUnitIsListedAndTheCliPrintsASummary() {
    assertEquals(Map.of(State.COMPLETE, 8L), count(StatusCommand.scan(run.toString(), null)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Twostep.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("status", "--out", run.toString(), "--config", CONFIG.toString(), "--profile", "quick",
            "simulate.floor_replicas=1", "ks.particles=32", "ks.t_end=0.002", "sigma.train=[20, 40]",
            "sigma.test=[20, 40, 60]", "ks.chi=0.5");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("particles: {stale=8}"), out.toString());
    assertEquals(1 + 8 + 1, out.toString().lines().count(), out.toString());
  }

  @Test
  void aModelIsCompleteWhenFinishedWithTheConfigsHashAndIncompleteWhileCheckpointed() throws IOException {
    Path out = copy();
    Path card = Files.createDirectories(out.resolve("models/meanflow")).resolve("card.json");
    String hash = org.twostep.jobs.pipeline.Models.hash(config(), "meanflow");
    Files.writeString(card, "{\n  \"kind\": \"meanflow\",\n  \"configHash\": \"" + hash + "\",\n  \"finished\": true\n}");
    UnitStatus model = new UnitStatus("models", "ks-laminar-3d", -1, "meanflow", State.COMPLETE, hash, "");
    assertTrue(StatusCommand.scan(out.toString(), config()).contains(model));
    assertTrue(StatusCommand.scan(out.toString(), config("meanflow.steps=7")).stream()
        .anyMatch(u -> u.table().equals("models") && u.state() == State.STALE), "training config changed");
    Files.writeString(card, Files.readString(card).replace("true", "false"));
    assertTrue(StatusCommand.scan(out.toString(), config()).stream()
        .anyMatch(u -> u.table().equals("models") && u.state() == State.INCOMPLETE), "a checkpoint, not a model");
  }

  @Test
  void anEmptyDirectoryHoldsNothingAndEverythingPlannedIsMissing() {
    assertEquals(List.of(), StatusCommand.scan(dir.resolve("none").toString(), null));
    assertEquals(Map.of(State.MISSING, 8L), count(StatusCommand.scan(dir.resolve("none").toString(), config())));
  }
}
