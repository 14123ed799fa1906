package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.config.ReportConfig;
import org.twostep.evaluation.report.PageCharts;
import org.twostep.evaluation.report.ResultsCsv;
import org.twostep.evaluation.report.SeedAggregate;
import org.twostep.jobs.io.RunStorage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twostep replot PAGE [--config FILE [--profile P] [key=value ...]]}: redraws a results page's charts from the
 * tables committed on it ({@code w2.csv}, KPP {@code eigenvalues.csv}) with the training range and picture size of
 * its {@code run.conf} (or of the configuration given), for a page whose runs are no longer at hand. Tables and README stay as they are; the projection pictures need the runs (publish).
 */
@Command(name = "replot", mixinStandardHelpOptions = true,
    description = "Redraw a results page's W2 and mu_n charts from its w2.csv, eigenvalues.csv and run.conf.")
public final class ReplotCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PAGE",
      description = "A results page directory, e.g. docs/results/ks-laminar-3d (a path or a Hadoop URI)")
  String location;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file, instead of PAGE/run.conf")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile inside --config: quick | paper")
  String profile;

  @Parameters(index = "1..*", paramLabel = "key=value", description = "Overrides of --config")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunStorage stored = RunStorage.open(location);
    stored.pull("");
    Path page = stored.local();
    Path conf = config != null ? config : page.resolve("run.conf");
    Path w2File = page.resolve("w2.csv");
    for (Path p : List.of(conf, w2File)) {
      if (!Files.isRegularFile(p)) {
        throw new InvalidInputException(p + " does not exist: PAGE must be a directory written by `twostep publish`");
      }
    }
    Config c;
    SigmaCatalogue sigma;
    ReportConfig rc;
    try {
      c = config != null ? ConfigLoader.load(config, profile, overrides)
          : ConfigFactory.parseFile(conf.toFile()).resolve();
      sigma = SigmaCatalogue.from(c);
      rc = ReportConfig.from(c, sigma);
    } catch (ConfigException e) {
      throw new InvalidInputException(conf + ": " + e.getMessage());
    }
    String experiment = c.getString("experiment.name");
    List<SeedAggregate.W2Mean> w2;
    try {
      w2 = ResultsCsv.readW2(Files.readString(w2File, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(w2File + " " + e.getMessage());
    }
    PageCharts.w2(experiment, w2, sigma.train().min(), sigma.train().max(), ReportCommand.logSigma(sigma), rc.width(),
        rc.height(), page);
    int charts = 1;
    Path eigenFile = page.resolve("eigenvalues.csv");
    if (Files.isRegularFile(eigenFile)) {
      List<SeedAggregate.EigenMean> eigen;
      try {
        eigen = ResultsCsv.readEigenvalues(Files.readString(eigenFile, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(eigenFile + " " + e.getMessage());
      }
      charts += PageCharts.eigen(experiment, eigen, rc.width(), rc.height(), page).size();
    }
    stored.push("");
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "replot %s: %d chart(s) redrawn in %s%n", experiment, charts, stored.label());
    out.flush();
    return 0;
  }
}
