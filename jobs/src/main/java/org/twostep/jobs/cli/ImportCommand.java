package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.spark.ImportJob;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep import --config FILE --from PATH --out DIR}: another simulator's particles become the run's
 * {@code particles/} (and {@code run.conf}), so {@code pipeline}, {@code train}, {@code generate}, {@code evaluate},
 * {@code report} and {@code sample} run on them unchanged (template: {@code conf/custom.conf}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import particles from any simulator (Parquet or CSV: sigma[, split][, replica], one column per axis)"
        + " as a run's particles/.")
public final class ImportCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--from", required = true, paramLabel = "PATH", description = "A .parquet file or directory, or a .csv")
  String from;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    ImportJob.Summary s = ImportJob.run(Sessions.get(), ctx, from);
    RunRecords.writeConfig(ctx.storage().local(), ctx.config());
    ctx.storage().push(RunRecords.CONFIG);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "import %s: %d train, %d test, %d reference_b particles at %d sigma from %s (splits: %s) "
        + "-> %s%n", ctx.experiment(), s.rows().get("train"), s.rows().get("test"), s.rows().get("reference_b"),
        s.sigmaCount(), from, s.splitsFrom(), ctx.layout().particles());
    out.flush();
    return 0;
  }
}
