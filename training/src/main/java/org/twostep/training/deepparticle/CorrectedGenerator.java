package org.twostep.training.deepparticle;

import java.util.Iterator;
import org.twostep.simulation.parallel.BlockRunner;
import java.util.Locale;
import org.twostep.training.config.SamplingEngine;
import org.twostep.training.generate.Generator;
import org.twostep.training.generate.Pieces;
import org.twostep.training.nn.HostNet;

/**
 * The two-step sampler {@code x = R(G(eps, sigma), sigma)} (SPEC §3 inference; model {@code meanflow_dp}): one
 * evaluation of the frozen generator, then one of the corrector, in chunks. Outputs are wrapped on a torus.
 */
public final class CorrectedGenerator implements Generator {
  private static final int CHUNK = Generator.BLOCK;
  private final Generator prior;
  private final CorrectorModel model;
  private final Frames frames;
  private final TrustFade trust;
  private final HostNet host;
  private final BlockRunner hostThreads;

  /** A sampler over {@code prior} and {@code model} with the full correction everywhere, closing both when closed. */
  public CorrectedGenerator(Generator prior, CorrectorModel model) {
    this(prior, model, TrustFade.FULL);
  }

  /** As above, the correction scaled beyond the training range by {@code trust}. */
  public CorrectedGenerator(Generator prior, CorrectorModel model, TrustFade trust) {
    this(prior, model, trust, SamplingEngine.TORCH, 1);
  }

  /** As above, the corrector's network on {@code engine} ({@code threads} threads for the vector engine). */
  public CorrectedGenerator(Generator prior, CorrectorModel model, TrustFade trust, SamplingEngine engine,
      int threads) {
    if (prior.dim() != model.correctorCard().dim()) {
      throw new IllegalArgumentException("prior draws " + prior.dim() + " axes, corrector expects "
          + model.correctorCard().dim());
    }
    this.prior = prior;
    this.model = model;
    this.trust = trust;
    boolean onHost = engine == SamplingEngine.VECTOR;
    this.host = onHost ? model.corrector().net().host() : null;
    this.hostThreads = onHost ? new BlockRunner(threads) : null;
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
    return Pieces.all(this, sigma, n, seed);
  }

  /** The prior's pieces, each corrected in blocks of {@link Generator#BLOCK} (the corrector acts per particle). */
  @Override
  public Iterator<float[][]> pieces(double sigma, long n, long seed, int piece) {
    Corrector c = model.corrector();
    Coordinates coords = c.coordinates();
    int d = coords.dim();
    Iterator<float[][]> prior = this.prior.pieces(sigma, n, seed, piece);
    Frame frame = frames.at(sigma);
    double w = trust.weight(c.features(), model.card().sigma().training().length, sigma);
    return new Pieces(d, n, piece) {
      @Override
      protected void fill(float[][] out, int total) {
        float[][] drawn = prior.next();
        if (w == 0.0) { // the correction is off: the prior's cloud itself, not a round trip through model coordinates
          for (int k = 0; k < d; k++) {
            System.arraycopy(drawn[k], 0, out[k], 0, total);
          }
          return;
        }
        float[] y = coords.toModel(drawn);
        float[] rows = new float[total * d];
        for (int start = 0; start < total; start += CHUNK) {
          int m = Math.min(CHUNK, total - start);
          float[] chunk = java.util.Arrays.copyOfRange(y, start * d, (start + m) * d);
          float[] r = host != null ? c.apply(host, hostThreads, chunk, m, sigma, frame)
              : c.apply(model.manager(), chunk, m, sigma, frame);
          if (w != 1.0) {
            TrustFade.blend(chunk, r, w, coords);
          }
          System.arraycopy(r, 0, rows, start * d, m * d);
        }
        float[][] physical = coords.toPhysical(rows, total);
        for (int k = 0; k < d; k++) {
          System.arraycopy(physical[k], 0, out[k], 0, total);
        }
      }
    };
  }

  @Override
  public void close() {
    try {
      prior.close();
    } finally {
      if (hostThreads != null) {
        hostThreads.close();
      }
      model.close();
    }
  }
}
