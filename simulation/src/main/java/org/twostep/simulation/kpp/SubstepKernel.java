package org.twostep.simulation.kpp;

import java.util.SplittableRandom;
import org.twostep.common.data.Torus;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.flow.VelocityField;
import org.twostep.simulation.parallel.BlockRunner;

/** Steps 1 and 2 of a Feynman-Kac substep (propagate and wrap, evaluate the flow, weigh), in parallel blocks. */
final class SubstepKernel {
  private final VelocityField flow;
  private final FeynmanKacState state;
  private final BlockRunner runner;
  private final int direction;
  private final double length;
  private final int substeps;
  private final double dt;
  private final double lambda;
  private final double push;
  private final double potential;
  private final double noiseScale;
  private final double[] blockSums;
  private final double[] blockCarried;
  private final int[] blockBad;
  private final int blocks;

  SubstepKernel(VelocityField flow, KppConfig kpp, double diffusion, FeynmanKacState state, BlockRunner runner) {
    this.flow = flow;
    this.state = state;
    this.runner = runner;
    this.direction = kpp.direction();
    this.length = kpp.domainLength();
    this.dt = 1.0 / kpp.substeps();
    this.lambda = kpp.lambda();
    this.push = 2 * diffusion * kpp.lambda();
    this.potential = diffusion * kpp.lambda() * kpp.lambda();
    this.noiseScale = Math.sqrt(2 * diffusion * dt);
    this.blocks = (state.size() + FeynmanKacSystem.BLOCK - 1) / FeynmanKacSystem.BLOCK;
    this.blockSums = new double[blocks];
    this.blockCarried = new double[blocks];
    this.blockBad = new int[blocks];
    this.substeps = kpp.substeps();
  }

  /** Particles whose position or weight the last substep left NaN or infinite. */
  int nonFinite() {
    int bad = 0;
    for (int n : blockBad) {
      bad += n;
    }
    return bad;
  }

  /** v(0, X) for the starting cloud. */
  void initialVelocity() {
    flow.evaluate(0.0, state.positions, 0, state.size(), state.velocity);
  }

  /**
   * Moves every particle through substep {@code step}, fills the weights (carried times incremental) and returns
   * l_m = log(sum c w / sum c), which is log(mean w) right after a resampling (c = 1).
   */
  double propagateAndWeigh(long step, TaskSeeds seeds) {
    double tNext = (double) (step + 1) / substeps; // exact multiples of 1/M, no drift over many periods
    double[][] x = state.positions;
    double[][] v = state.velocity;
    double[] w = state.weights;
    double[] c = state.carried;
    int n = state.size();
    runner.run(blocks, b -> {
      int from = b * FeynmanKacSystem.BLOCK;
      int to = Math.min(n, from + FeynmanKacSystem.BLOCK);
      SplittableRandom rng = seeds.noiseStream(step, b);
      for (int i = from; i < to; i++) {
        for (int k = 0; k < x.length; k++) {
          double drift = k == direction ? v[k][i] + push : v[k][i];
          double next = x[k][i] + drift * dt + noiseScale * rng.nextGaussian();
          x[k][i] = Double.isFinite(next) ? Torus.wrap(next, length) : next; // counted below
        }
      }
      flow.evaluate(tNext, x, from, to, v);
      double sum = 0;
      double carried = 0;
      int bad = 0;
      for (int i = from; i < to; i++) {
        w[i] = Math.exp((potential + lambda * v[direction][i]) * dt) * c[i];
        sum += w[i];
        carried += c[i];
        boolean finite = Double.isFinite(w[i]);
        for (double[] axis : x) {
          finite &= Double.isFinite(axis[i]);
        }
        bad += finite ? 0 : 1;
      }
      blockSums[b] = sum;
      blockCarried[b] = carried;
      blockBad[b] = bad;
    });
    double total = 0;
    double totalCarried = 0;
    for (int b = 0; b < blocks; b++) {
      total += blockSums[b]; // fixed block order: independent of the threads
      totalCarried += blockCarried[b];
    }
    return Math.log(total / totalCarried);
  }
}
