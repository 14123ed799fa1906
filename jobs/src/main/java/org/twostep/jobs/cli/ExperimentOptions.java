package org.twostep.jobs.cli;

import org.twostep.common.provenance.CodeVersion;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.jobs.pipeline.RunLayout;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every experiment command shares; parses and validates, then hands a {@link RunContext} on. */
public final class ExperimentOptions {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment file (HOCON), e.g. conf/ks-laminar-3d.conf")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile inside the file: quick | paper")
  String profile;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: experiment.out)")
  String out;

  @Option(names = "--quiet", description = "No progress bars or progress lines (the stage summaries still print).")
  boolean quiet;

  @Option(names = "--progress-lines", description = "Progress as one line per 10 %% even on a terminal (the pipeline "
      + "gives it to stages that may run beside another: bars redrawn in place would overwrite each other).")
  boolean progressLines;

  @Parameters(paramLabel = "key=value", arity = "0..*", description = "Configuration overrides, e.g. ks.particles=500")
  List<String> overrides = new ArrayList<>();

  /** The same options as launcher arguments, so a stage can be run as its own command. */
  public List<String> asArgs() {
    return asArgs(out);
  }

  /** As {@link #asArgs()}, with another run directory (none when null). */
  public List<String> asArgs(String outDir) {
    List<String> args = new ArrayList<>(List.of("--config", config.toString()));
    if (profile != null) {
      args.addAll(List.of("--profile", profile));
    }
    if (outDir != null) {
      args.addAll(List.of("--out", outDir));
    }
    if (quiet) {
      args.add("--quiet");
    }
    if (progressLines) {
      args.add("--progress-lines");
    }
    args.addAll(overrides);
    return args;
  }

  /** These options for another run directory, with {@code more} overrides after the user's (they win). */
  ExperimentOptions forRun(String outDir, List<String> more) {
    ExperimentOptions o = new ExperimentOptions();
    o.config = config;
    o.profile = profile;
    o.out = outDir;
    o.quiet = quiet;
    o.progressLines = progressLines;
    o.overrides = new ArrayList<>(overrides);
    o.overrides.addAll(more);
    return o;
  }

  /** The run directory given with {@code --out}, or null for {@code experiment.out}. */
  String out() {
    return out;
  }

  /** Whether progress prints as lines even on a terminal. */
  public boolean progressLines() {
    return progressLines;
  }

  /** Whether progress output is off. */
  public boolean quiet() {
    return quiet;
  }

  /** Loads and validates the configuration (exit code 2 on any problem, before any work). */
  public RunContext load() {
    Config c = ConfigLoader.load(config, profile, overrides);
    SigmaCatalogue catalogue = SigmaCatalogue.from(c);
    String dir = out != null ? out : c.getString("experiment.out");
    return new RunContext(c, new RunLayout(dir), catalogue, CodeVersion.get());
  }
}
