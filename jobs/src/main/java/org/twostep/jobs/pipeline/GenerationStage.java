package org.twostep.jobs.pipeline;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.spark.GeneratedTables;
import org.twostep.jobs.spark.TrainingInput;
import org.twostep.training.data.TrainingData;
import org.twostep.training.generate.FiniteCheck;
import org.twostep.training.generate.Generator;

/**
 * {@code generate}: a cloud at every test sigma with as many particles as the test reference there, deterministic given
 * the training seed ({@link Models#trainingSeed}), into DIR/generated/ under the model's SPEC §7 name. Sigma outside
 * the training range are generated and reported as extrapolation. Complete outputs for the same config hash are skipped unless forced.
 */
public final class GenerationStage {
  private GenerationStage() {}

  /**
   * @param model meanflow (with {@code steps} evaluations: 2 gives meanflow_2step), meanflow_dp (the corrector the
   *     config trains, Sinkhorn variants included) or imm
   */
  public static void generate(SparkSession spark, RunContext ctx, String model, int steps, boolean force,
      PrintWriter out) {
    generate(spark, ctx, model, steps, force, out, StageProgress.NONE);
  }

  /** As {@link #generate(SparkSession, RunContext, String, int, boolean, PrintWriter)}, one unit per test sigma. */
  public static void generate(SparkSession spark, RunContext ctx, String model, int steps, boolean force,
      PrintWriter out, StageProgress progress) {
    if (steps < 1) {
      throw new InvalidConfigException("--steps", steps, "a positive integer");
    }
    Config c = ctx.config();
    String stored = switch (model) {
      case Models.MEANFLOW -> Models.MEANFLOW;
      case Models.MEANFLOW_DP -> Models.correctorName(c);
      case Models.IMM -> Models.IMM;
      default -> throw new InvalidConfigException("--model", model, "one of meanflow, meanflow_dp, imm");
    };
    if (steps > 1 && !model.equals(Models.MEANFLOW)) {
      throw new InvalidConfigException("--steps", steps, "1 for " + model + " (multi-step sampling is MeanFlow's)");
    }
    String name = steps == 1 ? stored : stored + "_" + steps + "step";
    String hash = Models.generationHash(c, stored, steps);
    double[] test = ctx.sigma().test().values();
    List<Integer> indices = new ArrayList<>();
    for (double s : test) {
      indices.add(ctx.sigma().indexOf(s));
    }
    if (!force && GeneratedTables.isComplete(spark, ctx.layout(), ctx.experiment(), name, indices, hash)) {
      out.printf(Locale.ROOT, "generate %s %s: complete for config %s, skipped%n", name, ctx.experiment(), hash);
      out.flush();
      return;
    }
    // the trained models into the run's local working copy when the run is remote; particles are read with Spark
    ctx.storage().pull(Models.storageParts(stored));
    RunLayoutPaths paths = RunLayoutPaths.of(ctx.storage());
    int[] counts = referenceCounts(spark, ctx, test);
    long seed = Models.generateSeed(c, name);
    List<GeneratedTables.Cloud> clouds = new ArrayList<>();
    long particles = 0;
    long t0 = System.nanoTime();
    try (Generator g = Models.open(c, paths, stored, steps)) {
      progress.started(0, test.length);
      for (int i = 0; i < test.length; i++) {
        float[][] cloud = FiniteCheck.generated(g.generate(test[i], counts[i], seed), ctx.experiment(), name, test[i]);
        clouds.add(new GeneratedTables.Cloud(test[i], indices.get(i), cloud));
        particles += counts[i];
        progress.advanced(i + 1);
        if (!g.inTrainingRange(test[i])) {
          out.printf(Locale.ROOT, "generate %s %s sigma=%.6g: extrapolation (outside the training range)%n", name,
              ctx.experiment(), test[i]);
        }
      }
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    GeneratedTables.publish(spark, ctx.layout(), ctx.experiment(), c.getString("experiment.system"), name, clouds,
        hash, ctx.codeVersion(), org.twostep.jobs.spark.RunProvenance.of(ctx));
    out.printf(Locale.ROOT, "generate %s %s: %d particles at %d sigma in %.2f s (%.0f particles/s) -> %s%n", name,
        ctx.experiment(), particles, test.length, seconds, particles / seconds, ctx.layout().generated());
    out.flush();
  }

  /** Particles of the test reference at each test sigma, read with Spark wherever the run lives. */
  private static int[] referenceCounts(SparkSession spark, RunContext ctx, double[] test) {
    TrainingData ref = TrainingInput.read(spark, ctx.layout().particles(), ctx.experiment(),
        ctx.config().getInt("experiment.dim"), "test", test).data();
    double[] found = ref.sigmas();
    int[] counts = new int[test.length];
    for (int i = 0; i < test.length; i++) {
      int g = -1;
      for (int k = 0; k < found.length; k++) {
        if (Math.abs(found[k] - test[i]) <= 1e-9 * Math.max(Math.abs(test[i]), Math.abs(found[k]))) {
          g = k;
        }
      }
      if (g < 0) {
        throw new InvalidInputException("particles table " + ctx.layout().particles() + " has no test reference at "
            + "sigma " + test[i] + " of experiment " + ctx.experiment() + " (run simulate first)");
      }
      counts[i] = ref.count(g);
    }
    return counts;
  }
}
