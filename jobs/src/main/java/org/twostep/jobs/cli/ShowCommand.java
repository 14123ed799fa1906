package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.report.MetricTable;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.pipeline.RunRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twostep show DIR}: a run at a glance: the settings that define it (from {@code DIR/run.conf}, the
 * configuration the pipeline recorded), the wall time of each stage ({@code DIR/timings.csv}) and the W2² table of
 * {@code DIR/metrics}.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a run's settings, stage timings and W2² table.")
public final class ShowCommand implements Callable<Integer> {
  /** The settings shown, where the run has them. */
  static final List<String> KEYS = List.of("experiment.name", "experiment.system", "experiment.dim", "experiment.seed",
      "training.seed", "ks.flow", "ks.particles", "kpp.flow", "kpp.particles", "kpp.generations", "meanflow.steps",
      "meanflow.batch_size", "dp.steps", "dp.batch_size", "dp.coupling", "imm.steps", "evaluate.metric",
      "pipeline.models");

  @Parameters(paramLabel = "DIR", description = "Run directory of `twostep pipeline`: a path or a Hadoop URI")
  String location;

  @Option(names = "--full-config", description = "Print the whole recorded configuration (every default included)")
  boolean fullConfig;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    RunStorage run = RunStorage.open(location);
    run.pull(RunRecords.CONFIG, RunRecords.TIMINGS);
    Path dir = run.local();
    Path conf = dir.resolve(RunRecords.CONFIG);
    if (!Files.isRegularFile(conf)) {
      throw new InvalidInputException(conf + " does not exist: DIR must be a run directory of `twostep pipeline`");
    }
    // the tables first: an unreadable one stops the command before it prints anything
    List<MetricRow> rows = run.exists("metrics") ? RunTables.metrics(run) : List.of();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "# run %s%n%n## Settings (%s)%n%n", run.label(),
        run.remote() ? run.location() + "/" + RunRecords.CONFIG : conf);
    if (fullConfig) {
      out.println(Files.readString(conf));
    } else {
      out.print(settings(conf));
    }
    Map<String, Double> timings = RunRecords.timings(dir);
    out.printf(Locale.ROOT, "%n## Stage timings%n%n");
    if (timings == null) {
      out.println("no timings.csv");
    } else {
      out.println("| stage | seconds |\n|---|---:|");
      double total = 0;
      for (Map.Entry<String, Double> e : timings.entrySet()) {
        out.printf(Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue());
        total += e.getValue();
      }
      out.printf(Locale.ROOT, "| total | %.1f |%n%nStages that run at once (pipeline.threads) overlap: the total is "
          + "their time, more than the run's wall time.%n", total);
    }
    out.printf(Locale.ROOT, "%n## W2² by sigma (* outside the training range)%n%n");
    if (rows.isEmpty()) {
      out.println("no metrics/ yet (run evaluate)");
    }
    for (String experiment : rows.stream().map(MetricRow::experiment).distinct().toList()) {
      List<MetricRow> of = rows.stream().filter(r -> r.experiment().equals(experiment)).toList();
      out.printf(Locale.ROOT, "%s (%s):%n%n", experiment, of.get(0).metric());
      out.println(MetricTable.markdown(of, MetricTable.Quantity.W2SQ));
    }
    out.flush();
    return 0;
  }

  /** The defining settings, one {@code key = value} line each, and the sigma grids. */
  static String settings(Path conf) {
    Config c;
    try {
      c = ConfigFactory.parseFile(conf.toFile()).resolve();
    } catch (ConfigException e) {
      throw new InvalidInputException(conf + ": " + e.getMessage());
    }
    StringBuilder sb = new StringBuilder();
    String other = c.hasPath("experiment.system") && c.getString("experiment.system").equals("kpp") ? "ks." : "kpp.";
    for (String key : KEYS) {
      if (c.hasPath(key) && !key.startsWith(other)) { // run.conf holds both systems' defaults
        com.typesafe.config.ConfigValue v = c.getValue(key);
        sb.append(key).append(" = ").append(v.valueType() == com.typesafe.config.ConfigValueType.STRING
            ? v.unwrapped() : v.render(com.typesafe.config.ConfigRenderOptions.concise())).append('\n');
      }
    }
    try {
      SigmaCatalogue sigma = SigmaCatalogue.from(c);
      sb.append("sigma.train = ").append(Arrays.toString(sigma.train().values())).append('\n');
      sb.append("sigma.test = ").append(Arrays.toString(sigma.test().values())).append('\n');
    } catch (RuntimeException e) {
      sb.append("sigma: ").append(e.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
