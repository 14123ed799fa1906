package org.twostep.evaluation.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.twostep.common.error.InvalidInputException;

/**
 * Checks what was generated against what was simulated and lists the (model, sigma) pairs to measure (SPEC §6).
 * Every generated sigma must have a test reference, and every model must cover every test sigma, so a table of
 * models by sigma has no silent holes. Each floor replica (reference_b, reference_c, ...) is measured wherever it exists.
 */
public final class EvaluationPlan {
  private EvaluationPlan() {}

  /**
   * @param reference the test reference's sigma by sigma_index
   * @param floors the floor replicas' model names ({@link Models#floorReplica}) and the sigma_index values where each
   *     has a cloud
   * @param generated the (model, sigma, sigma_index) triples found in generated/
   * @param models the models required; empty for every model found
   * @return the pairs to measure, floor replicas first, then models in name order, each by sigma_index
   * @throws InvalidInputException naming the model and the sigma of the first mismatch
   */
  public static List<EvalTask> plan(Map<Integer, Double> reference, Map<String, Set<Integer>> floors,
      List<EvalTask> generated, List<String> models) {
    if (reference.isEmpty()) {
      throw new InvalidInputException("particles/ holds no test reference cloud for this experiment: run simulate first");
    }
    TreeMap<String, TreeSet<Integer>> found = new TreeMap<>();
    for (EvalTask g : generated) {
      Double r = reference.get(g.sigmaIndex());
      if (r == null || Math.abs(r - g.sigma()) > 1e-9 * Math.abs(r)) {
        throw new InvalidInputException("generated/ has model " + g.model() + " at sigma " + g.sigma() + " (sigma_index "
            + g.sigmaIndex() + "), which the test reference in particles/ lacks (reference sigma: "
            + new TreeMap<>(reference).values() + ")");
      }
      found.computeIfAbsent(g.model(), m -> new TreeSet<>()).add(g.sigmaIndex());
    }
    List<String> wanted = models.isEmpty() ? new ArrayList<>(found.keySet()) : models.stream().sorted().toList();
    if (wanted.isEmpty()) {
      throw new InvalidInputException("generated/ holds no model for this experiment: run generate first");
    }
    List<EvalTask> tasks = new ArrayList<>(floors(reference, floors));
    for (String model : wanted) {
      TreeSet<Integer> have = found.get(model);
      if (have == null) {
        throw new InvalidInputException("model " + model + " (evaluate.models or --only) is missing from generated/"
            + " at every sigma (run generate first), first at sigma " + new TreeMap<>(reference).firstEntry().getValue() + "; models found: " + found.keySet());
      }
      for (Map.Entry<Integer, Double> r : new TreeMap<>(reference).entrySet()) {
        if (!have.contains(r.getKey())) {
          throw new InvalidInputException("model " + model + " is missing from generated/ at sigma " + r.getValue()
              + " (sigma_index " + r.getKey() + "), which the test reference has");
        }
        tasks.add(new EvalTask(model, r.getValue(), r.getKey()));
      }
    }
    return tasks;
  }

  /** The floor replicas' pairs alone (measurable before anything is generated), in the order {@link #plan} lists them. */
  public static List<EvalTask> floors(Map<Integer, Double> reference, Map<String, Set<Integer>> floors) {
    if (reference.isEmpty()) {
      throw new InvalidInputException("particles/ holds no test reference cloud for this experiment: run simulate first");
    }
    List<EvalTask> tasks = new ArrayList<>();
    for (Map.Entry<String, Set<Integer>> floor : new TreeMap<>(floors).entrySet()) {
      for (Map.Entry<Integer, Double> r : new TreeMap<>(reference).entrySet()) {
        if (floor.getValue().contains(r.getKey())) {
          tasks.add(new EvalTask(floor.getKey(), r.getValue(), r.getKey()));
        }
      }
    }
    return tasks;
  }
}
