package org.twostep.training.deepparticle;

import java.util.Locale;
import org.twostep.training.generate.Generator;

/**
 * The two-step sampler {@code x = R(G(eps, sigma), sigma)} (SPEC §3 inference; model {@code meanflow_dp}): one
 * evaluation of the frozen generator, then one of the corrector, in chunks. Outputs are wrapped on a torus.
 */
public final class CorrectedGenerator implements Generator {
  private static final int CHUNK = 16384;
  private final Generator prior;
  private final CorrectorModel model;
  private final Frames frames;

  /** A sampler over {@code prior} and {@code model}, closing both when closed. */
  public CorrectedGenerator(Generator prior, CorrectorModel model) {
    if (prior.dim() != model.correctorCard().dim()) {
      throw new IllegalArgumentException("prior draws " + prior.dim() + " axes, corrector expects "
          + model.correctorCard().dim());
    }
    this.prior = prior;
    this.model = model;
    CorrectorCard c = model.correctorCard();
    this.frames = new Frames(FrameKind.valueOf(c.frame().toUpperCase(Locale.ROOT)), prior,
        model.corrector().coordinates(), c.frameSamples(), c.seed());
  }

  @Override
  public int dim() {
    return prior.dim();
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return model.card().inTrainingRange(sigma);
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    Corrector c = model.corrector();
    Coordinates coords = c.coordinates();
    int d = coords.dim();
    float[] y = coords.toModel(prior.generate(sigma, n, seed));
    Frame frame = frames.at(sigma);
    float[] out = new float[n * d];
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = java.util.Arrays.copyOfRange(y, start * d, (start + m) * d);
      System.arraycopy(c.apply(model.manager(), chunk, m, sigma, frame), 0, out, start * d, m * d);
    }
    return coords.toPhysical(out, n);
  }

  @Override
  public void close() {
    try {
      prior.close();
    } finally {
      model.close();
    }
  }
}
