package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.twostep.common.config.ConfigLoader;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.pipeline.RunRecords;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of the commands that work on a finished run ({@code sample}, {@code bench speedup}): the run directory,
 * whose {@code run.conf} gives the configuration unless {@code --config} does.
 */
public final class RunOptions {
  @Option(names = "--run", required = true, paramLabel = "DIR",
      description = "Run directory (of pipeline or import): a path or a Hadoop URI")
  String run;

  private RunStorage storage;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file, when the run has no run.conf")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile of --config")
  String profile;

  @Parameters(paramLabel = "key=value", arity = "0..*", description = "Configuration overrides")
  List<String> overrides = new ArrayList<>();

  /** The run's storage (opened once: a bad or unreachable location is bad input). */
  RunStorage storage() {
    if (storage == null) {
      storage = RunStorage.open(run);
    }
    return storage;
  }

  /** The run's local working copy (the run directory itself when local). */
  Path run() {
    return storage().local();
  }

  /**
   * The run's configuration: {@code --config} with its profile, else the run's {@code run.conf} (pulled into the
   * working copy); overrides on top.
   */
  Config load() {
    if (config != null) {
      return ConfigLoader.load(config, profile, overrides);
    }
    storage().pull(RunRecords.CONFIG);
    return RunRecords.config(run(), overrides);
  }
}
