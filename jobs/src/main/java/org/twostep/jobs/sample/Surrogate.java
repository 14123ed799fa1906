package org.twostep.jobs.sample;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.pipeline.Models;
import org.twostep.jobs.pipeline.RunLayout;
import org.twostep.jobs.pipeline.RunLayoutPaths;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.training.generate.Generator;

/**
 * A trained model of a run, opened once, sampled at any sigma: the Java API of {@code twostep sample}.
 *
 * <pre>{@code
 * try (Surrogate s = Surrogate.open(Path.of("runs/ks-laminar-3d"), "meanflow_dp")) {
 *   Cloud c = s.sample(137.0, 1_000_000, 7L);       // deterministic given (sigma, n, seed)
 *   float[] x = c.column(0);                          // c.inTrainingRange() is false when extrapolating
 * }
 * }</pre>
 *
 * <p>Thread safety: every method may be called from several threads. Sampling calls on one instance run one at a
 * time (a lock around the network; PyTorch already spreads one call over {@code training.threads}), and each call's
 * cloud depends only on its own (sigma, n, seed), never on what other threads sample. For parallel throughput open
 * one instance per thread. {@link #pieces} draws a cloud too large for memory piece by piece.
 */
public final class Surrogate implements AutoCloseable {
  /** Particles per piece of {@link #pieces} that keep a piece a few tens of MB: 64 network blocks. */
  public static final int DEFAULT_PIECE = 64 * Generator.BLOCK;

  private final Generator generator;
  private final Models.Choice choice;
  private final String experiment;
  private final String system;
  private final double[] trainingRange;
  private final long generateSeed;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private Surrogate(Generator generator, Models.Choice choice, Config c) {
    this.generator = generator;
    this.choice = choice;
    this.experiment = c.getString("experiment.name");
    this.system = c.getString("experiment.system");
    SigmaCatalogue sigma = SigmaCatalogue.from(c);
    this.trainingRange = new double[] {sigma.train().min(), sigma.train().max()};
    this.generateSeed = Models.generateSeed(c, choice.name());
  }

  /** Opens {@code model} of the run in {@code run}, with the configuration its {@code run.conf} records. */
  public static Surrogate open(Path run, String model) {
    return open(run, model, RunRecords.config(run, List.of()));
  }

  /**
   * Opens {@code model} (meanflow, meanflow_2step, meanflow_dp, meanflow_dp_sinkhorn_EPS, imm) of the run in
   * {@code run} made with {@code config}. An unknown or untrained model is an {@link InvalidInputException} or
   * {@link org.twostep.common.error.InvalidConfigException}.
   */
  public static Surrogate open(Path run, String model, Config config) {
    Models.Choice choice = Models.choose(model, "model");
    RunLayoutPaths paths = RunLayoutPaths.of(new RunLayout(run.toString()));
    return new Surrogate(Models.open(config, paths, choice.stored(), choice.steps()), choice, config);
  }

  /** The model's SPEC §7 name, e.g. {@code meanflow_dp}. */
  public String model() {
    return choice.name();
  }

  public String experiment() {
    return experiment;
  }

  /** The run's {@code experiment.system} (ks, kpp, or imported). */
  public String system() {
    return system;
  }

  public int dim() {
    return generator.dim();
  }

  /** {min, max} of the training grid; sigma outside is extrapolation. */
  public double[] trainingRange() {
    return trainingRange.clone();
  }

  public boolean inTrainingRange(double sigma) {
    return generator.inTrainingRange(sigma);
  }

  /** The seed {@code twostep generate} used for this model: sampling a test sigma with it repeats that cloud. */
  public long generateSeed() {
    return generateSeed;
  }

  /** n particles at sigma, deterministic given (sigma, n, seed). */
  public Cloud sample(double sigma, int n, long seed) {
    check(sigma, n);
    lock.lock();
    try {
      open();
      return new Cloud(choice.name(), sigma, seed, generator.inTrainingRange(sigma), 0,
          generator.generate(sigma, n, seed));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The cloud {@code sample(sigma, n, seed)} in consecutive pieces of {@code piece} particles, drawn as they are
   * asked for; bit-identical to it when {@code piece} is a multiple of {@link Generator#BLOCK}.
   */
  public Iterator<Cloud> pieces(double sigma, long n, long seed, int piece) {
    check(sigma, n);
    if (piece < 1) {
      throw new InvalidInputException("piece must be a positive number of particles, found " + piece);
    }
    boolean in = generator.inTrainingRange(sigma);
    Iterator<float[][]> draws;
    lock.lock();
    try {
      open();
      draws = generator.pieces(sigma, n, seed, piece);
    } finally {
      lock.unlock();
    }
    return new Iterator<>() {
      private long offset;

      @Override
      public boolean hasNext() {
        return draws.hasNext();
      }

      @Override
      public Cloud next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        lock.lock();
        try {
          open();
          float[][] columns = draws.next();
          Cloud c = new Cloud(choice.name(), sigma, seed, in, offset, columns);
          offset += c.size();
          return c;
        } finally {
          lock.unlock();
        }
      }
    };
  }

  /** Releases the network's native memory; sampling afterwards is an error. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        generator.close();
      }
    } finally {
      lock.unlock();
    }
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the surrogate " + choice.name() + " of " + experiment + " is closed");
    }
  }

  /** sigma > 0 and finite, n >= 1: the checks {@code twostep sample} reports as bad input. */
  static void check(double sigma, long n) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new InvalidInputException(String.format(Locale.ROOT, "sigma must be a positive finite number, found %s",
          sigma));
    }
    if (n < 1) {
      throw new InvalidInputException("n must be a positive number of particles, found " + n);
    }
  }
}
