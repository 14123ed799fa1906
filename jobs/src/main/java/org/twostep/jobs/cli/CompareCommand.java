package org.twostep.jobs.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import org.twostep.jobs.io.RunStorage;
import java.util.List;
import java.util.concurrent.Callable;
import org.twostep.evaluation.report.RunComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twostep compare RUN_A RUN_B [--json]}: the W2² tables of two runs side by side per (experiment, model,
 * sigma) with the ratio B / A, and per model the geometric mean of the ratios.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "W2² of two runs side by side with the ratio B/A (below 1: B is closer to the reference).")
public final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "Run directory (holds metrics/): a path or a Hadoop URI")
  String a;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "Run directory (holds metrics/): a path or a Hadoop URI")
  String b;

  @Option(names = "--json", description = "One JSON object: {a, b, rows: [...], summary: [...]}")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunStorage runA = RunStorage.open(a);
    RunStorage runB = RunStorage.open(b);
    List<RunComparison.Row> rows = RunComparison.join(RunTables.metrics(runA), RunTables.metrics(runB));
    a = runA.label(); // as messages name a run: its path, or its URI
    b = runB.label();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(rows));
    } else {
      out.printf("compare A = %s, B = %s (W2² against the test reference; * outside the training range)%n%n", a, b);
      out.print(RunComparison.markdown(rows));
    }
    out.flush();
    return 0;
  }

  private String json(List<RunComparison.Row> rows) {
    JsonObject root = new JsonObject();
    root.addProperty("a", a.toString());
    root.addProperty("b", b.toString());
    JsonArray list = new JsonArray();
    for (RunComparison.Row r : rows) {
      JsonObject o = new JsonObject();
      o.addProperty("experiment", r.experiment());
      o.addProperty("model", r.model());
      o.addProperty("sigma", r.sigma());
      o.addProperty("in_training_range", r.inTrainingRange());
      o.addProperty("w2sq_a", finite(r.a()));
      o.addProperty("w2sq_b", finite(r.b()));
      o.addProperty("ratio", finite(r.ratio()));
      list.add(o);
    }
    root.add("rows", list);
    JsonArray summary = new JsonArray();
    for (RunComparison.Summary s : RunComparison.summary(rows)) {
      JsonObject o = new JsonObject();
      o.addProperty("experiment", s.experiment());
      o.addProperty("model", s.model());
      o.addProperty("sigma_count", s.sigmaCount());
      o.addProperty("geometric_mean_ratio", finite(s.geometricMeanRatio()));
      summary.add(o);
    }
    root.add("summary", summary);
    return new GsonBuilder().setPrettyPrinting().create().toJson(root);
  }

  /** JSON has no NaN: a missing value is null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
