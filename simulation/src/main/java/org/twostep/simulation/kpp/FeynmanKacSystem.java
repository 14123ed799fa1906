package org.twostep.simulation.kpp;

import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.SimulationBlowupException;
import org.twostep.common.data.Torus;
import org.twostep.simulation.EigenTrace;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.flow.VelocityField;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * The Feynman-Kac particle system for the principal eigenvalue mu(lambda) of the KPP linearisation
 * (SPEC §1.2). Each of the M substeps per period: propagate {@code X += (v(t,X) + 2 D lambda e) dt +
 * sqrt(2 D dt) xi} and wrap into the torus; weight {@code w = exp(V(t+dt, X) dt)}, {@code V = D lambda^2 +
 * lambda e.v}; record {@code l_m = log(mean w)}; resample multinomially. Time runs on across generations.
 * With {@code kpp.resample_every = k > 1} the weights of k substeps accumulate in carried weights c between
 * resamplings and {@code l_m = log(sum c w / sum c)}, the same estimator with fewer resampling events (less
 * genealogical collapse); k = 1 is the plain scheme. The count restarts each generation and the last substep of a
 * generation always resamples, so the cloud at a generation's end is unweighted whether or not k divides M.
 *
 * <p>The velocity at the new positions serves both the weight and the next substep's drift (same time, same
 * point), so the flow is evaluated once per substep and resampled with the particles. Noise and resampling
 * draws come per fixed block of particles from their own counter-based streams, so any thread count gives
 * identical bits.
 */
public final class FeynmanKacSystem {
  /** Particles per noise and resampling block; fixed, so the draws do not depend on the thread count. */
  static final int BLOCK = 1024;

  private final String experiment;
  private final VelocityField flow;
  private final KppConfig kpp;
  private final int threads;

  /** @param experiment the experiment's name, for the message of a run that leaves the finite numbers */
  public FeynmanKacSystem(String experiment, VelocityField flow, KppConfig kpp, int threads) {
    if (kpp.direction() >= flow.dim()) {
      throw new IllegalArgumentException("direction " + kpp.direction() + " is not an axis of a "
          + flow.dim() + "D flow");
    }
    this.experiment = experiment;
    this.flow = flow;
    this.kpp = kpp;
    this.threads = threads;
  }

  /**
   * Runs {@code generations} periods at diffusion constant D from {@code initial} (any size; wrapped into the
   * torus first), starting at t = 0.
   *
   * @throws SimulationBlowupException when the initial cloud or, after any substep, a position or weight is NaN or
   *     infinite, naming the experiment, D and the substep (0 for the initial cloud)
   */
  public FeynmanKacRun run(ParticleCloud initial, double diffusion, int generations, TaskSeeds seeds) {
    if (initial.dim() != flow.dim()) {
      throw new IllegalArgumentException("initial cloud is " + initial.dim() + "D, the flow " + flow.dim() + "D");
    }
    if (initial.size() == 0) {
      throw new IllegalArgumentException("the initial cloud is empty");
    }
    if (!(diffusion > 0) || Double.isInfinite(diffusion)) {
      throw new IllegalArgumentException("the diffusion constant D must be finite and positive, found " + diffusion);
    }
    if (generations < 1) {
      throw new IllegalArgumentException("generations must be >= 1, found " + generations);
    }
    double[][] x = new double[initial.dim()][];
    boolean[] nonFinite = new boolean[initial.size()];
    int bad = 0;
    for (int k = 0; k < x.length; k++) {
      x[k] = initial.column(k);
      for (int i = 0; i < x[k].length; i++) {
        if (Double.isFinite(x[k][i])) {
          x[k][i] = Torus.wrap(x[k][i], kpp.domainLength());
        } else if (!nonFinite[i]) {
          nonFinite[i] = true;
          bad++;
        }
      }
    }
    if (bad > 0) {
      throw new SimulationBlowupException(experiment, diffusion, 0, bad, "with a NaN or infinite coordinate in the "
          + "initial cloud");
    }
    FeynmanKacState state = new FeynmanKacState(x);
    double[] perGeneration = new double[generations];
    try (BlockRunner runner = new BlockRunner(threads)) {
      SubstepKernel kernel = new SubstepKernel(flow, kpp, diffusion, state, runner);
      kernel.initialVelocity();
      MultinomialResampler resampler = new MultinomialResampler(state.size());
      int blocks = (state.size() + BLOCK - 1) / BLOCK;
      int m = kpp.substeps();
      for (int g = 0; g < generations; g++) {
        double sum = 0;
        for (int s = 0; s < m; s++) {
          long step = (long) g * m + s;
          sum += kernel.propagateAndWeigh(step, seeds);
          if (kernel.nonFinite() > 0) {
            throw new SimulationBlowupException(experiment, diffusion, (int) Math.min(step + 1, Integer.MAX_VALUE),
                kernel.nonFinite(), "with a NaN or infinite position or weight (substeps counted from 1)");
          }
          // every k substeps of a generation and always at its end, so a run never hands back a weighted cloud
          if ((s + 1) % kpp.resampleEvery() != 0 && s + 1 < m) {
            state.carryWeights();
            continue;
          }
          resampler.prepare(state.weights);
          runner.run(blocks, b -> {
            int from = b * BLOCK;
            int to = Math.min(state.size(), from + BLOCK);
            resampler.draw(seeds.resampleStream(step, b), state.ancestors, from, to);
            state.gather(from, to);
          });
          state.swap();
          state.resetCarried();
        }
        perGeneration[g] = sum;
      }
    }
    return new FeynmanKacRun(ParticleCloud.ofColumns(state.positions), EigenTrace.of(perGeneration));
  }
}
