package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.Split;
import org.twostep.common.data.TaskKey;
import org.twostep.jobs.spark.CompletionMarker;
import org.twostep.jobs.spark.EigenvalueStudyJob;
import org.twostep.jobs.spark.EvaluateJob;
import org.twostep.jobs.spark.SimulationTasks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twostep status --out DIR [--config FILE [--profile P]]}: what a run directory holds, per table and
 * published unit, read from the {@code _DONE.<unit>.json} markers alone (no Spark). A unit is complete (its marker's
 * config hash is the given configuration's), stale (the hash differs: a rerun recomputes it), incomplete (files
 * without a marker: a crashed write, redone on rerun) or missing (planned by the configuration, absent). Without a
 * configuration every marked unit is listed with its hash and code version, unjudged.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "List what DIR holds per table and unit: complete, stale (config changed), incomplete or missing.")
public final class StatusCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory")
  String out;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file to judge staleness and plan against")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile inside the file: quick | paper")
  String profile;

  @Option(names = "--json", description = "One JSON object: every unit with its state, config hash and code version, "
      + "and the counts per table and state")
  boolean json;

  @Parameters(paramLabel = "key=value", arity = "0..*", description = "Configuration overrides, as for the run")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What one unit of one table is. */
  public enum State { COMPLETE, STALE, INCOMPLETE, MISSING, UNPLANNED, UNCHECKED }

  /** One row of the listing; hash and code version come from the marker (empty when there is none). */
  public record UnitStatus(String table, String experiment, int sigmaIndex, String unit, State state,
      String configHash, String codeVersion) {}

  private static final Pattern PARTITION = Pattern.compile("experiment=(.+)/sigma_index=(\\d+)");
  private static final Pattern MARKER = Pattern.compile("_DONE\\.(.+)\\.json");
  private static final Pattern PART = Pattern.compile("(.+)-part-.*\\.parquet");

  @Override
  public Integer call() {
    org.twostep.jobs.io.RunStorage.open(out); // a bad or unreachable location is bad input before anything prints
    Config c = config == null ? null : ConfigLoader.load(config, profile, overrides);
    if (c == null && !overrides.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "overrides need --config");
    }
    List<UnitStatus> rows = scan(out, c);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(json(out, rows));
      w.flush();
      return 0;
    }
    w.printf(Locale.ROOT, "%-12s %-18s %5s %-14s %-10s %-16s %s%n", "table", "experiment", "sigma", "unit", "state",
        "config_hash", "code_version");
    Map<String, Map<State, Integer>> counts = new TreeMap<>();
    for (UnitStatus r : rows) {
      w.printf(Locale.ROOT, "%-12s %-18s %5s %-14s %-10s %-16s %s%n", r.table(), r.experiment(),
          r.sigmaIndex() < 0 ? "-" : Integer.toString(r.sigmaIndex()),
          r.unit(), r.state().name().toLowerCase(Locale.ROOT), r.configHash(), r.codeVersion());
      counts.computeIfAbsent(r.table(), t -> new TreeMap<>()).merge(r.state(), 1, Integer::sum);
    }
    counts.forEach((t, m) -> w.printf(Locale.ROOT, "%s: %s%n", t, m.toString().toLowerCase(Locale.ROOT)));
    if (rows.isEmpty()) {
      w.printf(Locale.ROOT, "%s holds no published table%n", out);
    }
    w.flush();
    return 0;
  }

  /**
   * {@code {"run": DIR, "units": [{"table", "experiment", "sigma_index", "unit", "state", "config_hash",
   * "code_version"}...], "counts": {table: {state: n}}}}; states in lower case, sigma_index -1 for models.
   */
  static String json(String run, List<UnitStatus> rows) {
    com.google.gson.JsonObject root = new com.google.gson.JsonObject();
    root.addProperty("run", run);
    com.google.gson.JsonArray units = new com.google.gson.JsonArray();
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (UnitStatus r : rows) {
      com.google.gson.JsonObject u = new com.google.gson.JsonObject();
      String state = r.state().name().toLowerCase(Locale.ROOT);
      u.addProperty("table", r.table());
      u.addProperty("experiment", r.experiment());
      u.addProperty("sigma_index", r.sigmaIndex());
      u.addProperty("unit", r.unit());
      u.addProperty("state", state);
      u.addProperty("config_hash", r.configHash());
      u.addProperty("code_version", r.codeVersion());
      units.add(u);
      counts.computeIfAbsent(r.table(), t -> new TreeMap<>()).merge(state, 1, Integer::sum);
    }
    root.add("units", units);
    root.add("counts", new com.google.gson.Gson().toJsonTree(counts));
    return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(root);
  }

  /** Every unit of every table under {@code root}, and with a configuration the planned ones that are missing. */
  public static List<UnitStatus> scan(String root, Config config) {
    String dir = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    Map<String, Function<String, String>> expected = config == null ? Map.of() : expectedHashes(config);
    TreeMap<String, UnitStatus> found = new TreeMap<>();
    try {
      org.apache.hadoop.fs.Path base = new org.apache.hadoop.fs.Path(dir);
      FileSystem fs = base.getFileSystem(org.twostep.jobs.io.RunStorage.hadoopConfiguration());
      if (fs.exists(base)) {
        for (FileStatus table : fs.listStatus(base, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))) {
          if (table.isDirectory() && table.getPath().getName().equals("models")) {
            scanModels(fs, table.getPath(), config, found);
          } else if (table.isDirectory()) {
            scanTable(fs, table.getPath(), expected.get(table.getPath().getName()), config != null, found);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (config != null) {
      addMissing(config, found);
    }
    return new ArrayList<>(found.values());
  }

  private static void scanTable(FileSystem fs, org.apache.hadoop.fs.Path table, Function<String, String> expected,
      boolean judged, Map<String, UnitStatus> found) throws IOException {
    String name = table.getName();
    for (FileStatus e : fs.listStatus(table, p -> p.getName().startsWith("experiment="))) {
      for (FileStatus s : fs.listStatus(e.getPath(), p -> p.getName().startsWith("sigma_index="))) {
        Matcher pm = PARTITION.matcher(e.getPath().getName() + "/" + s.getPath().getName());
        if (!pm.matches()) {
          continue;
        }
        String experiment = pm.group(1);
        int index = Integer.parseInt(pm.group(2));
        TreeSet<String> marked = new TreeSet<>();
        TreeSet<String> withFiles = new TreeSet<>();
        for (FileStatus f : fs.listStatus(s.getPath())) {
          Matcher m = MARKER.matcher(f.getPath().getName());
          Matcher p = PART.matcher(f.getPath().getName());
          if (m.matches()) {
            marked.add(m.group(1));
            CompletionMarker marker = CompletionMarker.parse(read(fs, f.getPath()));
            String hash = marker == null || marker.configHash() == null ? "" : marker.configHash();
            String code = marker == null || marker.codeVersion() == null ? "" : marker.codeVersion();
            String want = expected == null ? null : expected.apply(m.group(1));
            State st = want == null ? (judged ? State.UNCHECKED : State.COMPLETE)
                : want.equals(hash) ? State.COMPLETE : State.STALE;
            put(found, new UnitStatus(name, experiment, index, m.group(1), st, hash, code));
          } else if (p.matches()) {
            withFiles.add(p.group(1));
          }
        }
        withFiles.removeAll(marked);
        for (String u : withFiles) {
          put(found, new UnitStatus(name, experiment, index, u, State.INCOMPLETE, "", ""));
        }
      }
    }
  }

  /**
   * Trained models: {@code models/<kind>/card.json}. Finished with the expected hash is complete, finished with another
   * is stale, unfinished (a checkpoint a rerun resumes from) is incomplete. 
   */
  private static void scanModels(FileSystem fs, org.apache.hadoop.fs.Path models, Config config,
      Map<String, UnitStatus> found) throws IOException {
    for (FileStatus kind : fs.listStatus(models, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))) {
      org.apache.hadoop.fs.Path card = new org.apache.hadoop.fs.Path(kind.getPath(), "card.json");
      if (!kind.isDirectory() || !fs.exists(card)) {
        continue;
      }
      String json = read(fs, card);
      String hash = field(json, "configHash");
      boolean finished = Pattern.compile("\"finished\"\\s*:\\s*true").matcher(json).find();
      String name = kind.getPath().getName();
      String want = config != null && isModel(name) ? org.twostep.jobs.pipeline.Models.hash(config, name) : null;
      State st = !finished ? State.INCOMPLETE : want == null ? (config == null ? State.COMPLETE : State.UNCHECKED)
          : want.equals(hash) ? State.COMPLETE : State.STALE;
      String experiment = config == null ? "" : config.getString("experiment.name");
      put(found, new UnitStatus("models", experiment, -1, name, st, hash, ""));
    }
  }

  private static boolean isModel(String name) {
    return name.equals("meanflow") || name.equals("imm") || name.startsWith("meanflow_dp");
  }

  /** Planned simulate units (particles; for KPP also the eigenvalue traces) that no marker covers. */
  private static void addMissing(Config config, TreeMap<String, UnitStatus> found) {
    String experiment = config.getString("experiment.name");
    boolean kpp = config.getString("experiment.system").equals("kpp");
    TreeSet<String> planned = new TreeSet<>();
    for (TaskKey t : SimulationTasks.plan(experiment, SigmaCatalogue.from(config),
        SimulationTasks.floorReplicas(config))) {
      for (String table : kpp ? List.of("particles", "eigenvalues") : List.of("particles")) {
        UnitStatus u = new UnitStatus(table, experiment, t.sigmaIndex(), t.split().label(), State.MISSING, "", "");
        planned.add(key(u));
        found.putIfAbsent(key(u), u);
      }
    }
    // simulate units of this experiment outside the plan: an older, different sigma grid
    found.replaceAll((k, u) -> u.experiment().equals(experiment) && u.table().equals("particles")
        && !planned.contains(k) && u.state() != State.INCOMPLETE
        ? new UnitStatus(u.table(), u.experiment(), u.sigmaIndex(), u.unit(), State.UNPLANNED, u.configHash(),
            u.codeVersion()) : u);
  }

  /** The config hash each table's producer stamps, by unit name. */
  static Map<String, Function<String, String>> expectedHashes(Config config) {
    String simulate = ConfigHash.simulation(config);
    String study = EigenvalueStudyJob.configHash(config);
    String evaluate = EvaluateJob.configHash(config);
    TreeSet<String> splits = new TreeSet<>();
    for (Split s : Split.values()) {
      splits.add(s.label());
    }
    return Map.of(
        "generated", u -> generatedHash(config, u),
        "particles", u -> simulate,
        "eigenvalues", u -> splits.contains(u) ? simulate : study,
        "front_speed", u -> study,
        "metrics", u -> evaluate);
  }

  /** What generate stamps on a model's clouds: the model's hash and the sampling steps ({@code meanflow_2step}). */
  private static String generatedHash(Config config, String unit) {
    Matcher m = Pattern.compile("(.+)_(\\d+)step").matcher(unit);
    String stored = m.matches() ? m.group(1) : unit;
    String steps = m.matches() ? m.group(2) : "1";
    try {
      return org.twostep.jobs.pipeline.Models.generationHash(config, stored, Integer.parseInt(steps));
    } catch (org.twostep.common.error.InvalidConfigException unknownModel) {
      return null; // not a model this configuration knows: listed unchecked
    }
  }

  private static void put(Map<String, UnitStatus> found, UnitStatus u) {
    found.put(key(u), u);
  }

  private static String key(UnitStatus u) {
    return String.format(Locale.ROOT, "%s|%s|%06d|%s", u.table(), u.experiment(), u.sigmaIndex(), u.unit());
  }

  private static String read(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
    try (var in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }
}
