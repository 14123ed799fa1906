package org.twostep.jobs.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Samples a surrogate at several sigma into one output ({@link SampleOutput}), piece by piece so memory holds one piece
 * whatever n is. Column {@code sigma_index} is the position of sigma among the (sorted, distinct) sigma asked.
 */
public final class SampleWriter {
  private SampleWriter() {}

  /** What one sigma cost: particles, seconds of sampling and writing. */
  public record SigmaTime(double sigma, long particles, double seconds, boolean inTrainingRange) {}

  /**
   * Writes n particles at each sigma (ascending, distinct) drawn with {@code seed} into {@code out}.
   *
   * @param piece particles per piece; a multiple of {@link org.twostep.training.generate.Generator#BLOCK} keeps the
   *     output bit-identical to one {@link Surrogate#sample} call
   */
  public static List<SigmaTime> write(Surrogate s, double[] sigmas, long n, long seed, int piece, String out,
      Configuration conf) {
    for (int i = 1; i < sigmas.length; i++) {
      if (!(sigmas[i] > sigmas[i - 1])) {
        throw new IllegalArgumentException("sigmas must be ascending and distinct");
      }
    }
    List<SigmaTime> times = new ArrayList<>();
    SampleRows rows = new SampleRows(s.experiment(), s.system(), s.dim());
    try (SampleOutput output = new SampleOutput(out, rows, conf)) {
      for (int i = 0; i < sigmas.length; i++) {
        long t0 = System.nanoTime();
        Iterator<Cloud> pieces = s.pieces(sigmas[i], n, seed, piece);
        while (pieces.hasNext()) {
          output.write(pieces.next(), i);
        }
        times.add(new SigmaTime(sigmas[i], n, (System.nanoTime() - t0) * 1e-9, s.inTrainingRange(sigmas[i])));
      }
      output.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return times;
  }
}
