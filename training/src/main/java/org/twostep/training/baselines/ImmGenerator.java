package org.twostep.training.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Locale;
import java.util.SplittableRandom;
import org.twostep.common.data.Torus;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.Standardization;
import org.twostep.training.generate.Generator;
import org.twostep.training.generate.Pieces;
import org.twostep.training.meanflow.SigmaFeatures;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/**
 * The IMM sampler (model {@code imm}, SPEC §4): {@code x = f(eps, 0, 1) = eps - G(eps, 0, 1, sigma)}, one network
 * evaluation per chunk of particles; noise from {@code Seeds.stream(seed, "imm-noise", sigma)} in particle order.
 */
public final class ImmGenerator implements Generator {
  private static final int CHUNK = Generator.BLOCK;
  private final NDManager manager;
  private final ModelCard card;
  private final MeanFlowNet net;
  private final SigmaFeatures features;
  private final Standardization norm;
  private final double noiseScale;
  private int evaluations;

  private ImmGenerator(NDManager manager, ModelCard card, MeanFlowNet net, SigmaFeatures features,
      Standardization norm, double noiseScale) {
    this.manager = manager;
    this.card = card;
    this.net = net;
    this.features = features;
    this.norm = norm;
    this.noiseScale = noiseScale;
  }

  /** Loads the finished IMM model in {@code dir}. */
  public static ImmGenerator load(Path dir, Device device, double noiseScale) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard card = ModelDirectory.readCard(files.card());
    if (card == null || !card.finished() || !"imm".equals(card.kind())) {
      throw new InvalidInputException("no finished IMM model in " + dir + " (run `twostep train --stage imm` first)");
    }
    ModelCard.Architecture a = card.architecture();
    SigmaFeatures features = new SigmaFeatures(SigmaFeatureKind.valueOf(a.sigmaFeatures().toUpperCase(Locale.ROOT)),
        SigmaTransform.valueOf(card.sigma().transform().toUpperCase(Locale.ROOT)), card.sigma().featureMin(),
        card.sigma().featureMax(), a.timeFrequencies());
    NetSpec spec = new NetSpec(a.dim(), a.sigmaFeatureCount(), a.width(), a.depth(), a.timeFrequencies());
    NDManager manager = NDManager.newBaseManager(device);
    try {
      NDList params = ModelDirectory.readArrays(files.root().resolve(card.paramsFile()), card.paramsSha256(), manager);
      MeanFlowNet net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, new ArrayList<>(params));
      return new ImmGenerator(manager, card, net, features,
          card.normalization().standardization(), noiseScale);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public int dim() {
    return card.architecture().dim();
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return card.inTrainingRange(sigma);
  }

  /** Network evaluations so far (one per chunk: the sampler is a single step). */
  public int evaluations() {
    return evaluations;
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    return Pieces.all(this, sigma, n, seed);
  }

  @Override
  public Iterator<float[][]> pieces(double sigma, long n, long seed, int piece) {
    int d = dim();
    int m = features.count();
    float[] feat = new float[m];
    features.write(sigma, feat, 0);
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("imm-noise"), Seeds.coordinate(sigma));
    Double torus = card.torusLength();
    return new Pieces(d, n, piece) {
      @Override
      protected void fill(float[][] out, int total) {
        for (int start = 0; start < total; start += CHUNK) {
          int c = Math.min(CHUNK, total - start);
          float[] zs = new float[c * (d + m)];
          float[] tau = new float[c * 2];
          for (int i = 0; i < c; i++) {
            for (int k = 0; k < d; k++) {
              zs[i * (d + m) + k] = (float) (noiseScale * rng.nextGaussian());
            }
            System.arraycopy(feat, 0, zs, i * (d + m) + d, m);
            tau[2 * i] = 1f;
            tau[2 * i + 1] = 1f;
          }
          float[] x;
          try (NDManager sub = manager.newSubManager()) {
            NDArray step = sub.create(new float[] {-1f}, new Shape(1, 1));
            x = FlowMap.apply(net, sub.create(zs, new Shape(c, d + m)), sub.create(tau, new Shape(c, 2)), step, d)
                .toFloatArray();
            evaluations++;
          }
          for (int i = 0; i < c; i++) {
            for (int k = 0; k < d; k++) {
              double v = norm.inverse(x[i * d + k], k);
              out[k][start + i] = torus != null ? Torus.toFloat(v, torus) : (float) v;
            }
          }
        }
      }
    };
  }

  @Override
  public void close() {
    manager.close();
  }
}
