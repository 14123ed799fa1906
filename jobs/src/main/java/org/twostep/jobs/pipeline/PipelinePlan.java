package org.twostep.jobs.pipeline;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.twostep.common.config.ConfigReads;
import org.twostep.jobs.pipeline.StageScheduler.Stage;
import org.twostep.training.config.TrainingConfig;

/**
 * The stages of {@code twostep pipeline} and what each needs: simulate; MeanFlow and IMM training on the simulated
 * data (independent of each other); the corrector over the finished MeanFlow; each model's generation after its own
 * training; with more than one thread, the noise floor's pairs measured once simulated and each model's but the
 * corrector's once generated ({@code evaluate --only}, one pair at a time) when {@code pipeline.evaluate_early} is
 * set; evaluate (what is left, the KPP warm starts) after all of them; report last. Simulate, evaluate and report are Spark jobs over every core and claim the
 * whole budget; training and generation hold {@code training.threads} PyTorch threads (the corrector one more when
 * {@code dp.overlap} solves couplings on a worker). In plan order the critical path comes first: the corrector before
 * the generations that can wait.
 */
public final class PipelinePlan {
  public static final String SIMULATE = "simulate";
  public static final String EVALUATE = "evaluate";
  public static final String REPORT = "report";
  static final String NOISE_FLOOR = org.twostep.evaluation.metrics.Models.NOISE_FLOOR;

  private PipelinePlan() {}

  /**
   * The threads the pipeline splits among its stages: {@code pipeline.threads}, or with 0 the cores of this JVM
   * (what the embedded Spark's {@code local[*]} runs tasks on).
   */
  public static int budget(Config c) {
    int t = ConfigReads.intIn(c, "pipeline.threads", 0, 1024);
    return t > 0 ? t : Runtime.getRuntime().availableProcessors();
  }

  /** The stages for {@code models} (checked names of {@code pipeline.models}), the budget claimed by Spark stages. */
  public static List<Stage> of(List<String> models, Config c, int budget) {
    int torch = TrainingConfig.from(c).threads();
    boolean overlap = c.getBoolean("dp.overlap");
    List<Stage> plan = new ArrayList<>();
    plan.add(new Stage(SIMULATE, List.of("simulate"), Set.of(), budget));
    String meanflow = "train meanflow";
    plan.add(new Stage(meanflow, List.of("train", "--stage", "meanflow"), Set.of(SIMULATE), torch));
    if (models.contains(Models.MEANFLOW_DP)) {
      plan.add(new Stage("train meanflow_dp", List.of("train", "--stage", "dp"), Set.of(meanflow),
          torch + (overlap ? 1 : 0)));
    }
    if (models.contains(Models.IMM)) {
      plan.add(new Stage("train imm", List.of("train", "--stage", "imm"), Set.of(SIMULATE), torch));
    }
    List<String> generated = new ArrayList<>();
    for (String m : models) {
      boolean twoStep = m.equals("meanflow_2step");
      String name = twoStep ? "generate meanflow (2 steps)" : "generate " + m;
      List<String> args = twoStep ? List.of("generate", "--model", "meanflow", "--steps", "2")
          : List.of("generate", "--model", m);
      String trained = "train " + (twoStep ? Models.MEANFLOW : m);
      plan.add(new Stage(name, args, Set.of(trained), torch));
      generated.add(name);
    }
    Set<String> beforeEvaluate = new java.util.HashSet<>(generated);
    if (budget > 1 && c.getBoolean("pipeline.evaluate_early")) {
      // measured beside the training still running: the floor once simulated, a model once generated (the
      // corrector, last to finish, is left to evaluate); one pair at a time, in the one thread such a stage holds
      List<String> early = new ArrayList<>(List.of(NOISE_FLOOR));
      models.stream().filter(m -> !m.equals(Models.MEANFLOW_DP)).forEach(early::add);
      for (String m : early) {
        String name = EVALUATE + " " + m;
        String after = m.equals(NOISE_FLOOR) ? SIMULATE : generated.get(models.indexOf(m));
        plan.add(new Stage(name, List.of("evaluate", "--only", m, "--max-tasks", "1"), Set.of(after), 1));
        beforeEvaluate.add(name);
      }
    }
    plan.add(new Stage(EVALUATE, List.of("evaluate"), beforeEvaluate, budget));
    plan.add(new Stage(REPORT, List.of("report"), Set.of(EVALUATE), budget));
    return plan;
  }
}
