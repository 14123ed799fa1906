package org.twostep.training.nn;

import java.util.ArrayList;
import java.util.List;
import org.twostep.training.config.ModelConfig;

/**
 * The shape of a MeanFlow network: data dimension d, sigma feature count m, width, depth and time frequencies.
 *
 * @param dim data dimension d
 * @param sigmaFeatures sigma feature count m
 * @param width hidden width
 * @param depth hidden layers
 * @param frequencies time-embedding frequencies
 */
public record NetSpec(int dim, int sigmaFeatures, int width, int depth, double[] frequencies) {

  public NetSpec {
    frequencies = frequencies.clone();
  }

  /** The spec a model configuration gives for data of dimension {@code dim}. */
  public static NetSpec of(ModelConfig model, int dim, int sigmaFeatureCount) {
    return new NetSpec(dim, sigmaFeatureCount, model.width(), model.depth(),
        TimeEmbedding.geometric(model.timeFrequencies(), model.timeFreqMin(), model.timeFreqMax()));
  }

  @Override
  public double[] frequencies() {
    return frequencies.clone();
  }

  /** Input width of the first dense layer: d + m + 2 inputs x 2 x frequencies. */
  public int inputWidth() {
    return dim + sigmaFeatures + 4 * frequencies.length;
  }

  /** Shapes of W0, b0, ..., head W, head b. */
  public List<long[]> parameterShapes() {
    List<long[]> s = new ArrayList<>();
    s.add(new long[] {width, inputWidth()});
    s.add(new long[] {width});
    for (int l = 1; l < depth; l++) {
      s.add(new long[] {width, width});
      s.add(new long[] {width});
    }
    s.add(new long[] {dim, width});
    s.add(new long[] {dim});
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetSpec n && n.dim == dim && n.sigmaFeatures == sigmaFeatures && n.width == width
        && n.depth == depth && java.util.Arrays.equals(n.frequencies, frequencies);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dim, sigmaFeatures, width, depth, java.util.Arrays.hashCode(frequencies));
  }
}
