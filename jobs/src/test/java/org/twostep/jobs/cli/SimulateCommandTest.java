package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher's contract for bad input: one line naming the key, the value and what is expected; exit 2; no output. */
class SimulateCommandTest {
  @TempDir Path dir;


  private CliRun simulate(String... overrides) {
    List<String> args = new ArrayList<>(List.of("simulate", "--config", Path.of("../conf/ks-laminar-3d.conf").toString(),
        "--profile", "quick", "--out", dir.resolve("run").toString()));
    args.addAll(List.of(overrides));
    return CliRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} -> names {1}")
  @CsvSource(delimiter = '|', value = {
      "ks.dt=-2e-4                      | ks.dt",
      "ks.dt=0                          | ks.dt",
      "ks.particles=0                   | ks.particles",
      "ks.particles=many                | ks.particles",
      "ks.chii=1                        | ks.chii",
      "sigma.test=[]                    | sigma.test",
      "sigma.test=[40, 20, 60]          | sigma.test",
      "sigma.train=[10, 40]             | sigma.train",
      "experiment.flow=cellular         | experiment.flow",
      "experiment.dim=5                 | experiment.dim",
  })
  void badConfigFailsBeforeAnyWorkWithTheKeyAndExit2(String override, String key) {
    CliRun r = simulate(override);
    assertEquals(Twostep.EXIT_BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(key), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(Files.exists(dir.resolve("run")), "nothing is written");
  }

  @Test
  void missingConfigFileAndUnknownProfileAreClearErrors() {
    CliRun missing = CliRun.of("simulate", "--config", dir.resolve("nope.conf").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope.conf"), missing.err());
    CliRun profile = CliRun.of("simulate", "--config", "../conf/ks-laminar-3d.conf", "--profile", "huge");
    assertEquals(2, profile.code());
    assertTrue(profile.err().contains("profiles.huge") && profile.err().contains("quick"), profile.err());
  }

  @Test
  void everyCommandHasHelp() {
    CliRun top = CliRun.of("--help");
    assertEquals(0, top.code());
    assertTrue(top.out().contains("simulate"), top.out());
    CliRun sim = CliRun.of("simulate", "--help");
    assertEquals(0, sim.code());
    assertTrue(sim.out().contains("--profile") && sim.out().contains("--force"), sim.out());
  }

  /**
   * Picocli formats every description with String.format: a bare '%' prints a warning instead of the text. The
   * annotations' raw text is checked, commands' and options' (the spec's descriptions have '%%' already folded).
   */
  @Test
  void everyHelpTextFormats() {
    List<String> broken = new ArrayList<>();
    checkDescriptions(Twostep.commandLine(), broken);
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }

  private static void checkDescriptions(picocli.CommandLine cli, List<String> broken) {
    picocli.CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
    List<String> lines = new ArrayList<>();
    picocli.CommandLine.Command command = cli.getCommand().getClass().getAnnotation(picocli.CommandLine.Command.class);
    if (command != null) {
      lines.addAll(List.of(command.description()));
    }
    spec.args().forEach(a -> {
      if (a.userObject() instanceof java.lang.reflect.Field f) {
        picocli.CommandLine.Option o = f.getAnnotation(picocli.CommandLine.Option.class);
        picocli.CommandLine.Parameters p = f.getAnnotation(picocli.CommandLine.Parameters.class);
        lines.addAll(List.of(o != null ? o.description() : p != null ? p.description() : new String[0]));
      }
    });
    for (String line : lines) {
      try {
        String.format(java.util.Locale.ROOT, line);
      } catch (java.util.IllegalFormatException e) {
        broken.add(spec.qualifiedName() + ": " + line);
      }
    }
    cli.getSubcommands().values().forEach(sub -> checkDescriptions(sub, broken));
  }
}
