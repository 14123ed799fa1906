package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.jobs.spark.Sessions;

/**
 * {@code twostep validate} on a tiny KS profile with the trend frame: it trains without the held-out sigma, scores
 * every training sigma against its own replica and floor, never touches the test grid, and a rerun trains nothing.
 */
class ValidateCommandTest {
  @TempDir Path dir;

  static final String[] TINY = {
      "ks.particles=96", "ks.t_end=0.002", "sigma.train=[20, 50, 80]", "sigma.test=[20, 50, 80, 120]",
      "meanflow.steps=30", "meanflow.batch_size=64", "meanflow.checkpoint_every=10",
      "dp.steps=10", "dp.batch_size=48", "dp.refresh_every=5", "dp.validate_every=5", "dp.checkpoint_every=5",
      "dp.frame_samples=200", "dp.validation_size=20", "evaluate.histogram.bins=6", "frame.kind=trend"};

  private CliRun validate(String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", "--config", "../conf/ks-laminar-3d.conf", "--profile",
        "quick", "--out", dir.toString(), "--seeds", "1", "--variant", "tiny"));
    args.addAll(List.of(extra));
    args.addAll(List.of(TINY));
    return CliRun.of(args);
  }

  @Test
  void trainsWithoutTheHeldOutSigmaAndScoresEveryTrainingSigma() throws Exception {
    CliRun first = validate();
    assertEquals(0, first.code(), first.out() + first.err());
    List<String> csv = Files.readAllLines(dir.resolve("tiny").resolve("validation.csv"));
    assertEquals(4, csv.size(), csv.toString());
    assertTrue(csv.get(1).startsWith("tiny,20.0,in_range,1,"), csv.get(1));
    assertTrue(csv.get(2).startsWith("tiny,50.0,in_range,1,"), csv.get(2));
    assertTrue(csv.get(3).startsWith("tiny,80.0,held_out,1,"), csv.get(3));
    for (String line : csv.subList(1, 4)) {
      String[] cells = line.split(",", -1);
      for (int c : new int[] {4, 6, 8, 9, 10, 11}) {
        assertTrue(Double.parseDouble(cells[c]) > 0, "column " + c + " of " + line);
      }
      double floor = Double.parseDouble(cells[8]);
      assertTrue(Double.parseDouble(cells[12]) <= floor && floor <= Double.parseDouble(cells[13]),
          "the floor is the mean of its replicas, inside their range: " + line);
    }
    Path run = dir.resolve("tiny").resolve("s1");
    assertTrue(Files.exists(run.resolve("models/meanflow/frame.json")), "MeanFlow learned in the trend frame");
    SparkSession spark = Sessions.get();
    Set<Double> simulated = spark.read().parquet(run.resolve("particles").toString()).select("sigma").distinct()
        .collectAsList().stream().map(r -> r.getDouble(0)).collect(Collectors.toSet());
    assertEquals(Set.of(20.0, 50.0, 80.0), simulated, "the test grid's 120 is never simulated");
    Set<Double> trained = spark.read().parquet(run.resolve("particles").toString()).where("split = 'train'")
        .select("sigma").distinct().collectAsList().stream().map(r -> r.getDouble(0)).collect(Collectors.toSet());
    assertEquals(Set.of(20.0, 50.0), trained, "no training particle at the held-out 80");
    assertTrue(first.out().contains("| 80 | held out |") || first.out().contains("| 80.00 | held out |"), first.out());

    CliRun second = validate();
    assertEquals(0, second.code(), second.err());
    assertFalse(second.out().contains(" step(s) from step"), "a rerun trains nothing:\n" + second.out());
  }

  @Test
  void anUnknownHoldoutIsOneLineAndExitTwo() {
    CliRun r = validate("--holdout", "middle");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--holdout") && r.err().contains("middle"), r.err());
    assertFalse(Files.exists(dir.resolve("tiny")), "nothing written");
  }
}
