package org.twostep.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.jobs.pipeline.StageScheduler.Stage;

/** What each pipeline stage waits for and how many threads it holds. */
class PipelinePlanTest {
  private static final List<String> ALL = List.of("meanflow", "meanflow_2step", "meanflow_dp", "imm");

  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigLoader.defaults()).resolve();
  }

  private static Map<String, Stage> byName(List<Stage> plan) {
    return plan.stream().collect(Collectors.toMap(Stage::name, s -> s));
  }

  @Test
  void eachModelWaitsForItsOwnTrainingOnly() {
    List<Stage> plan = PipelinePlan.of(ALL, with("pipeline.evaluate_early = true"), 2);
    Map<String, Stage> s = byName(plan);
    assertEquals(14, plan.size());
    assertEquals(Set.of(), s.get("simulate").after());
    assertEquals(Set.of("simulate"), s.get("train meanflow").after());
    assertEquals(Set.of("simulate"), s.get("train imm").after(), "IMM does not wait for MeanFlow");
    assertEquals(Set.of("train meanflow"), s.get("train meanflow_dp").after());
    assertEquals(Set.of("train meanflow"), s.get("generate meanflow").after());
    assertEquals(Set.of("train meanflow"), s.get("generate meanflow (2 steps)").after());
    assertEquals(Set.of("train meanflow_dp"), s.get("generate meanflow_dp").after());
    assertEquals(Set.of("train imm"), s.get("generate imm").after());
    // measured as soon as there is something to measure; the corrector's pairs are left to evaluate
    assertEquals(Set.of("simulate"), s.get("evaluate noise_floor").after());
    assertEquals(Set.of("generate meanflow"), s.get("evaluate meanflow").after());
    assertEquals(Set.of("generate meanflow (2 steps)"), s.get("evaluate meanflow_2step").after());
    assertEquals(Set.of("generate imm"), s.get("evaluate imm").after());
    assertEquals(List.of("evaluate", "--only", "meanflow_2step", "--max-tasks", "1"),
        s.get("evaluate meanflow_2step").args());
    assertEquals(Set.of("generate meanflow", "generate meanflow (2 steps)", "generate meanflow_dp", "generate imm",
        "evaluate noise_floor", "evaluate meanflow", "evaluate meanflow_2step", "evaluate imm"),
        s.get("evaluate").after(), "evaluate waits for the partial ones: it must not measure their pairs too");
    assertEquals(Set.of("evaluate"), s.get("report").after());
    assertEquals(List.of("generate", "--model", "meanflow", "--steps", "2"), s.get("generate meanflow (2 steps)").args());
    assertEquals(List.of("train", "--stage", "dp"), s.get("train meanflow_dp").args());
    // the corrector is on the critical path: it comes before every generation in plan order
    assertTrue(plan.indexOf(s.get("train meanflow_dp")) < plan.indexOf(s.get("generate meanflow")));
  }

  @Test
  void sparkStagesClaimTheBudgetTorchStagesTheirThreads() {
    for (int budget : new int[] {1, 2, 4}) {
      Map<String, Stage> s = byName(PipelinePlan.of(ALL, with("training.threads = 1, pipeline.evaluate_early = true"),
          budget));
      for (String spark : List.of("simulate", "evaluate", "report")) {
        assertEquals(budget, s.get(spark).threads(), spark);
      }
      assertEquals(1, s.get("train meanflow").threads());
      assertEquals(1, s.get("generate imm").threads());
      assertEquals(budget > 1 ? 1 : null, s.containsKey("evaluate imm") ? s.get("evaluate imm").threads() : null,
          "one pair at a time beside the rest, and no partial evaluation when stages run one after another");
    }
    Map<String, Stage> s = byName(PipelinePlan.of(ALL, with("training.threads = 2, dp.overlap = true"), 4));
    assertEquals(2, s.get("train imm").threads());
    assertEquals(3, s.get("train meanflow_dp").threads(), "the coupling worker counts");
  }

  @Test
  void byDefaultEverythingIsMeasuredInEvaluateAfterTheLastGeneration() {
    Map<String, Stage> s = byName(PipelinePlan.of(ALL, with(""), 4));
    assertTrue(s.keySet().stream().noneMatch(n -> n.startsWith("evaluate ")), s.keySet().toString());
    assertEquals(Set.of("generate meanflow", "generate meanflow (2 steps)", "generate meanflow_dp", "generate imm"),
        s.get("evaluate").after());
    assertEquals(4, s.get("evaluate").threads());
  }

  @Test
  void theBudgetIsTheCoresUnlessSet() {
    assertEquals(Runtime.getRuntime().availableProcessors(), PipelinePlan.budget(with("")));
    assertEquals(1, PipelinePlan.budget(with("pipeline.threads = 1")));
    assertThrows(InvalidConfigException.class, () -> PipelinePlan.budget(with("pipeline.threads = -1")));
  }

  @Test
  void withoutTheOptionalModelsTheirStagesAreLeftOut() {
    Map<String, Stage> s = byName(PipelinePlan.of(List.of("meanflow"), with(""), 1));
    assertEquals(Set.of("simulate", "train meanflow", "generate meanflow", "evaluate", "report"), s.keySet());
    assertEquals(Set.of("generate meanflow"), s.get("evaluate").after());
    s = byName(PipelinePlan.of(List.of("meanflow", "meanflow_dp"), with("pipeline.evaluate_early = true"), 2));
    assertEquals(Set.of("simulate", "train meanflow", "train meanflow_dp", "generate meanflow", "generate meanflow_dp",
        "evaluate noise_floor", "evaluate meanflow", "evaluate", "report"), s.keySet());
  }
}
