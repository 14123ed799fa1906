package org.twostep.jobs.pipeline;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;
import org.twostep.training.baselines.ImmConfig;
import org.twostep.training.baselines.ImmGenerator;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.SamplingEngine;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.deepparticle.CorrectedGenerator;
import org.twostep.training.deepparticle.CorrectorModel;
import org.twostep.training.deepparticle.CouplingKind;
import org.twostep.training.deepparticle.DpConfig;
import org.twostep.training.deepparticle.TrustFade;
import org.twostep.training.frame.FrameConfig;
import org.twostep.training.data.TrainingData;
import org.twostep.training.frame.FramedGenerator;
import org.twostep.training.frame.FramedTrainingData;
import org.twostep.training.frame.SigmaFrame;
import org.twostep.training.frame.TrendFile;
import org.twostep.training.generate.Generator;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.MeanFlowGenerator;
import org.twostep.training.meanflow.MeanFlowModel;

/**
 * The model names of SPEC §7 ({@code meanflow}, {@code meanflow_2step}, {@code meanflow_dp},
 * {@code meanflow_dp_sinkhorn_<eps>}, {@code imm}): where each is stored, what its config hash covers, and how to open
 * it as a {@link Generator}.
 */
public final class Models {
  public static final String MEANFLOW = "meanflow";
  public static final String MEANFLOW_DP = "meanflow_dp";
  public static final String IMM = "imm";

  private Models() {}

  /** The stored name of the corrector the config trains: exact couplings, or the Sinkhorn ablation. */
  public static String correctorName(Config c) {
    DpConfig dp = DpConfig.from(c);
    return dp.coupling() == CouplingKind.SINKHORN
        ? MEANFLOW_DP + "_sinkhorn_" + String.format(Locale.ROOT, "%s", dp.sinkhornEps()) : MEANFLOW_DP;
  }

  /**
   * Config hash of a model: the data it learned from (the simulation and the training grid, not the test grid, so a
   * sweep that extends the test grid reuses it), its network and its training sections.
   */
  public static String hash(Config c, String storedModel) {
    if (storedModel.equals(MEANFLOW)) {
      return seeded(c, "experiment", "sigma.train", "sigma.transform", "ks", "kpp", "model", "meanflow");
    }
    if (storedModel.equals(IMM)) {
      return seeded(c, "experiment", "sigma.train", "sigma.transform", "ks", "kpp", "model", "imm");
    }
    if (storedModel.startsWith(MEANFLOW_DP)) {
      return seeded(c, "experiment", "sigma.train", "sigma.transform", "ks", "kpp", "model", "meanflow", "dp");
    }
    throw new InvalidConfigException("--model", storedModel, "one of meanflow, meanflow_dp, imm");
  }

  /**
   * The hash of the sections, plus training.seed and the keys of {@link #HASHED_WHEN_SET} only when set (models trained
   * before those keys keep their hash), plus
   * on a torus the revision of the coordinates (models trained before the seam must be retrained, KS ones need not).
   */
  private static String seeded(Config c, String... sections) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(sections));
    if (c.getLong("training.seed") != 0) {
      all.add("training.seed");
    }
    if (frame(c).enabled()) {
      all.add("frame");
    }
    Config hashed = c;
    for (String key : NOT_MODEL_KEYS) {
      hashed = hashed.withoutPath(key);
    }
    for (Map.Entry<String, Object> key : HASHED_WHEN_SET.entrySet()) {
      if (!c.hasPath(key.getKey()) || isValue(c.getValue(key.getKey()).unwrapped(), key.getValue())) {
        hashed = hashed.withoutPath(key.getKey()); // models trained before the key keep their hash
      }
    }
    if (torusLength(c) != null) {
      hashed = hashed.withValue(TORUS_REVISION, com.typesafe.config.ConfigValueFactory.fromAnyRef("seam"));
      all.add(TORUS_REVISION);
    }
    return ConfigHash.of(hashed, all.toArray(String[]::new));
  }

  /**
   * Keys added after models were trained, with the value that reproduces those models: hashed only
   * when set to something else. The MeanFlow warm-up and the covariance frame's continuation beyond the range.
   */
  private static final Map<String, Object> HASHED_WHEN_SET = Map.of(
      "meanflow.flow_matching_warmup", 0.0,
      "frame.extrapolate", "hold");

  /** Numbers by value (0 and 0.0 are one setting), anything else by equality. */
  private static boolean isValue(Object value, Object expected) {
    return value instanceof Number n && expected instanceof Number e ? n.doubleValue() == e.doubleValue()
        : value.equals(expected);
  }

  /**
   * The config hash of a model's generated clouds: the model's, the network evaluations, and for a corrector its trust
   * width beyond the training range when set (a sampling setting, outside the model's hash) and the sampling revision.
   */
  public static String generationHash(Config c, String storedModel, int steps) {
    String sampling = storedModel.startsWith(MEANFLOW_DP) ? TrustFade.from(c).hashSuffix() + "-" + SAMPLING_REVISION
        : "";
    return hash(c, storedModel) + "-s" + steps + sampling + engineSuffix(c, storedModel);
  }

  /** "-vector" for a model the vector engine samples; nothing for PyTorch, so clouds made before the key keep their hash. */
  private static String engineSuffix(Config c, String storedModel) {
    return !storedModel.equals(IMM) && onVectorEngine(c) ? "-vector" : "";
  }

  /** Whether {@code c} samples with the vector engine (a config recorded before {@code sampling.engine} does not). */
  private static boolean onVectorEngine(Config c) {
    return c.hasPath("sampling.engine") && SamplingEngine.from(c) == SamplingEngine.VECTOR;
  }

  /**
   * The revision of how models are sampled, "crn" since the corrector draws MeanFlow's own cloud
   * ({@link #generateSeed}): in the hash of the corrector's clouds and, by {@link #withSamplingRevision}, of everything
   * measured on generated clouds, so a run made before a revision regenerates and measures again.
   */
  private static final String SAMPLING_REVISION = "crn";

  /** {@code c} with the sampling revision as a key, for the hashes of the stages that read generated clouds. */
  public static Config withSamplingRevision(Config c) {
    String engine = onVectorEngine(c) ? "-vector" : "";
    return c.withoutPath("sampling")
        .withValue("revision.sampling", com.typesafe.config.ConfigValueFactory.fromAnyRef(SAMPLING_REVISION + engine));
  }

  /**
   * Keys of the hashed sections that do not decide what a model learns: whether a run may go on
   * ({@code dp.allow_unconverged}) and how the corrector is sampled ({@code dp.trust_width}, in the clouds' hash).
   */
  private static final java.util.List<String> NOT_MODEL_KEYS = java.util.List.of("dp.allow_unconverged", TrustFade.KEY);

  /** A code-revision marker in torus model hashes: the per-axis seam (Standardization#onTorus). */
  private static final String TORUS_REVISION = "revision.torus_coordinates";

  /** Root seed of training and generation: {@code training.seed}, or {@code experiment.seed} when it is 0. */
  public static long trainingSeed(Config c) {
    long s = c.getLong("training.seed");
    return s != 0 ? s : c.getLong("experiment.seed");
  }

  /**
   * The seed {@code generate} samples a model with: derived from the training seed and the model's SPEC §7 name, so
   * {@code sample} without {@code --seed} draws the very clouds of {@code DIR/generated/}. A corrector draws with
   * MeanFlow's seed (common random numbers): MF+DP is the correction of the very cloud {@code meanflow} generated, so
   * comparing the two measures what the corrector does, not two independent draws, and where the trust width turns the
   * correction off the two clouds are one.
   */
  public static long generateSeed(Config c, String name) {
    String drawn = name.startsWith(MEANFLOW_DP) ? MEANFLOW : name;
    return Seeds.derive(trainingSeed(c), Seeds.coordinate("generate"), Seeds.coordinate(drawn));
  }

  /** A model as {@code sample} names it: the SPEC §7 name, the stored model it opens, its network evaluations. */
  public record Choice(String name, String stored, int steps) {}

  private static final java.util.regex.Pattern MULTI_STEP = java.util.regex.Pattern.compile("meanflow_([0-9]+)step");

  /**
   * Parses a SPEC §7 model name: {@code meanflow}, {@code meanflow_<k>step} (k >= 2), {@code meanflow_dp},
   * {@code meanflow_dp_sinkhorn_<eps>}, {@code imm}. An unknown name is bad input naming {@code key}.
   */
  public static Choice choose(String name, String key) {
    java.util.regex.Matcher m = MULTI_STEP.matcher(name);
    if (m.matches() && m.group(1).length() < 4 && Integer.parseInt(m.group(1)) >= 2) {
      return new Choice(name, MEANFLOW, Integer.parseInt(m.group(1)));
    }
    if (name.equals(MEANFLOW) || name.equals(IMM) || name.equals(MEANFLOW_DP)
        || name.startsWith(MEANFLOW_DP + "_sinkhorn_")) {
      return new Choice(name, name, 1);
    }
    throw new InvalidConfigException(key, name,
        "one of meanflow, meanflow_2step, meanflow_dp, meanflow_dp_sinkhorn_<eps>, imm");
  }

  /** The directory of a stored model. */
  public static Path dir(RunLayoutPaths paths, String storedModel) {
    return paths.models().resolve(storedModel);
  }

  /**
   * The parts of a run's storage (see {@link org.twostep.jobs.io.RunStorage#pull}) that opening a stored model reads:
   * its directory, and MeanFlow's for a corrector (its prior and frame). Stages pull and push only these, never all of
   * {@code models/}: stages run at once, and a mirror of the whole directory would copy or delete files that another
   * stage is writing.
   */
  public static String[] storageParts(String storedModel) {
    String own = storagePart(storedModel);
    return storedModel.startsWith(MEANFLOW_DP) ? new String[] {storagePart(MEANFLOW), own} : new String[] {own};
  }

  /** The storage part of one stored model's directory, the one its training stage writes. */
  public static String storagePart(String storedModel) {
    return "models/" + storedModel;
  }

  /** The torus side L for KPP (outputs wrapped into [0, L)^d), null otherwise. */
  public static Double torusLength(Config c) {
    return c.getString("experiment.system").equals("kpp") ? c.getDouble("kpp.domain_length") : null;
  }

  /** The {@code frame} section; a frame on a torus is bad input (the frames are for Euclidean domains). */
  public static FrameConfig frame(Config c) {
    FrameConfig f = FrameConfig.from(c);
    if (f.enabled() && torusLength(c) != null) {
      throw new InvalidConfigException("frame.kind", f.kind().name().toLowerCase(java.util.Locale.ROOT),
          "none on a torus (KPP): the frames are Euclidean");
    }
    return f;
  }

  /**
   * Opens a model for sampling: {@code meanflow} with {@code steps} network evaluations, a corrector over the one-step
   * MeanFlow, or IMM. The name is the stored model ({@code meanflow}, {@code meanflow_dp[...]}, {@code imm}).
   */
  public static Generator open(Config c, RunLayoutPaths paths, String storedModel, int steps) {
    Generator model = openInFrame(c, paths, storedModel, steps, SamplingEngine.from(c));
    return storedModel.equals(IMM) ? model : outOfFrame(paths, model);
  }

  /**
   * As {@link #open}, but MeanFlow and the corrector sample in MeanFlow's trend frame when it has one (the corrector
   * trains over this); IMM has no frame.
   */
  public static Generator openInFrame(Config c, RunLayoutPaths paths, String storedModel, int steps) {
    return openInFrame(c, paths, storedModel, steps, SamplingEngine.TORCH);
  }

  private static Generator openInFrame(Config c, RunLayoutPaths paths, String storedModel, int steps,
      SamplingEngine engine) {
    Path dir = dir(paths, storedModel);
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new InvalidInputException("model " + storedModel + " is not trained: " + dir + " does not exist (run "
          + "`twostep train --stage " + (storedModel.startsWith(MEANFLOW_DP) ? "dp" : storedModel) + "` first)");
    }
    TrainingConfig training = TrainingConfig.from(c);
    if (storedModel.equals(MEANFLOW)) {
      return new MeanFlowGenerator(MeanFlowModel.load(dir, Devices.configure(training)), steps,
          MeanFlowConfig.from(c).noiseScale(), engine, training.threads());
    }
    if (storedModel.equals(IMM)) {
      return ImmGenerator.load(dir, Devices.configure(training), ImmConfig.from(c).noiseScale());
    }
    return correctorInFrame(c, paths, dir, engine);
  }

  /** The corrector stored in {@code correctorDir} over the one-step MeanFlow, in physical coordinates. */
  public static Generator corrected(Config c, RunLayoutPaths paths, Path correctorDir) {
    return outOfFrame(paths, correctorInFrame(c, paths, correctorDir, SamplingEngine.from(c)));
  }

  private static Generator correctorInFrame(Config c, RunLayoutPaths paths, Path correctorDir,
      SamplingEngine engine) {
    Generator prior = openInFrame(c, paths, MEANFLOW, 1, engine);
    try {
      TrainingConfig training = TrainingConfig.from(c);
      return new CorrectedGenerator(prior, CorrectorModel.load(correctorDir, Devices.configure(training)),
          TrustFade.from(c), engine, training.threads());
    } catch (RuntimeException e) {
      prior.close();
      throw e;
    }
  }

  /** A generator of MeanFlow's frame moved back to physical coordinates (itself when MeanFlow has no frame). */
  private static Generator outOfFrame(RunLayoutPaths paths, Generator inFrame) {
    SigmaFrame frame = TrendFile.read(dir(paths, MEANFLOW));
    return frame == null ? inFrame : new FramedGenerator(inFrame, frame);
  }

  /** The training data as MeanFlow learned it: in its frame when it has one (a view; the caller closes data). */
  public static TrainingData inMeanFlowFrame(RunLayoutPaths paths, TrainingData data) {
    SigmaFrame frame = TrendFile.read(dir(paths, MEANFLOW));
    return frame == null ? data : new FramedTrainingData(data, frame);
  }
}
