package org.twostep.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidInputException;

/** The plan of (model, sigma) pairs, and the errors that name both the model and the sigma. */
class EvaluationPlanTest {
  static final Map<Integer, Double> REFERENCE = Map.of(0, 20.0, 1, 40.0, 2, 60.0);

  static List<EvalTask> everywhere(String... models) {
    List<EvalTask> g = new ArrayList<>();
    for (String m : models) {
      REFERENCE.forEach((i, s) -> g.add(new EvalTask(m, s, i)));
    }
    return g;
  }

  @Test
  void everyModelAtEverySigmaAndEachFloorReplicaWhereItsReferenceExists() {
    List<EvalTask> plan = EvaluationPlan.plan(REFERENCE,
        Map.of("noise_floor_c", Set.of(0), "noise_floor_b", Set.of(0, 2)), everywhere("meanflow_dp", "meanflow"),
        List.of());
    assertEquals(2 + 1 + 3 + 3, plan.size());
    assertEquals(List.of(new EvalTask("noise_floor_b", 20.0, 0), new EvalTask("noise_floor_b", 60.0, 2),
        new EvalTask("noise_floor_c", 20.0, 0), new EvalTask("meanflow", 20.0, 0)), plan.subList(0, 4));
    List<EvalTask> only = EvaluationPlan.plan(REFERENCE, Map.of(), everywhere("meanflow_dp", "meanflow"), List.of("meanflow"));
    assertTrue(only.stream().allMatch(t -> t.model().equals("meanflow")) && only.size() == 3);
  }

  @Test
  void aGeneratedSigmaTheReferenceLacksNamesModelAndSigma() {
    List<EvalTask> g = everywhere("meanflow");
    g.add(new EvalTask("meanflow_dp", 220.0, 7));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> EvaluationPlan.plan(REFERENCE, Map.of(), g, List.of()));
    assertTrue(e.getMessage().contains("meanflow_dp") && e.getMessage().contains("220.0"), e.getMessage());
    List<EvalTask> moved = everywhere("meanflow");
    moved.add(new EvalTask("imm", 45.0, 1)); // right index, wrong value: still not the reference's sigma
    e = assertThrows(InvalidInputException.class, () -> EvaluationPlan.plan(REFERENCE, Map.of(), moved, List.of()));
    assertTrue(e.getMessage().contains("imm") && e.getMessage().contains("45.0"), e.getMessage());
  }

  @Test
  void aModelMissingAtOneSigmaOrEverywhereNamesModelAndSigma() {
    List<EvalTask> g = everywhere("meanflow");
    g.add(new EvalTask("meanflow_dp", 20.0, 0));
    g.add(new EvalTask("meanflow_dp", 60.0, 2));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> EvaluationPlan.plan(REFERENCE, Map.of(), g, List.of()));
    assertTrue(e.getMessage().contains("meanflow_dp") && e.getMessage().contains("40.0"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> EvaluationPlan.plan(REFERENCE, Map.of(), everywhere("meanflow"), List.of("meanflow", "imm")));
    assertTrue(e.getMessage().contains("imm") && e.getMessage().contains("20.0"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> EvaluationPlan.plan(Map.of(), Map.of(), List.of(), List.of()));
  }
}
