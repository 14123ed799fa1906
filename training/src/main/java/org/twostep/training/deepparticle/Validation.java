package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDManager;
import org.twostep.common.rng.Seeds;
import org.twostep.training.generate.Generator;

/**
 * The held-out validation of SPEC §3's stopping rule: per training sigma, fixed prior samples (their own seed) against
 * the held-out reference rows, measured as the exact mini-batch W2sq of R(y) against them (model coordinates),
 * averaged over sigma. Groups without held-out rows are skipped.
 */
final class Validation {
  private final double[] sigmas;
  private final float[][] priors;
  private final float[][] references;
  private final Frames frames;
  private final Coupling exact;

  Validation(Generator prior, ReferencePool pool, double[] sigmas, Frames frames, Coordinates coords,
      Coupling exact, long seed) {
    this.sigmas = sigmas.clone();
    this.priors = new float[sigmas.length][];
    this.references = new float[sigmas.length][];
    this.frames = frames;
    this.exact = exact;
    int d = coords.dim();
    for (int g = 0; g < sigmas.length; g++) {
      references[g] = pool.validation(g);
      int n = references[g].length / d;
      priors[g] = n == 0 ? new float[0]
          : coords.toModel(prior.generate(sigmas[g], n, Seeds.derive(seed, Seeds.coordinate("dp-validation"), g)));
    }
  }

  /** Whether any group has held-out rows. */
  boolean enabled() {
    for (float[] r : references) {
      if (r.length > 0) {
        return true;
      }
    }
    return false;
  }

  /** Mean over sigma of the exact W2sq between R(y_val) and the held-out rows. */
  double measure(Corrector corrector, NDManager manager) {
    int d = corrector.coordinates().dim();
    double sum = 0;
    int groups = 0;
    for (int g = 0; g < sigmas.length; g++) {
      int n = references[g].length / d;
      if (n == 0) {
        continue;
      }
      float[] r = corrector.apply(manager, priors[g], n, sigmas[g], frames.at(sigmas[g]));
      sum += exact.couple(r, references[g], n).cost();
      groups++;
    }
    return sum / groups;
  }
}
