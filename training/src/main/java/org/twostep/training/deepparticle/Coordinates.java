package org.twostep.training.deepparticle;

import org.twostep.common.data.Torus;
import org.twostep.training.data.Standardization;

/**
 * The corrector's model coordinates and input encoding (SPEC §3). Euclidean domains: standardized coordinates, fed
 * as they are. Tori [0, L)^d: coordinates scaled to period 2pi, fed as {@code (sin, cos)} per axis so the network is
 * periodic; outputs are wrapped, and displacements (cost and loss) take the minimal image.
 */
public final class Coordinates {
  /** The period of model coordinates on a torus. */
  public static final double PERIOD = 2 * Math.PI;

  private final Standardization norm;
  private final Double torusLength;
  private final int dim;

  private Coordinates(Standardization norm, Double torusLength, int dim) {
    this.norm = norm;
    this.torusLength = torusLength;
    this.dim = dim;
  }

  public static Coordinates euclidean(Standardization norm) {
    return new Coordinates(norm, null, norm.dim());
  }

  public static Coordinates torus(double length, int dim) {
    if (!(length > 0)) {
      throw new IllegalArgumentException("torus length must be positive, found " + length);
    }
    return new Coordinates(null, length, dim);
  }

  public boolean periodic() {
    return torusLength != null;
  }

  public int dim() {
    return dim;
  }

  /** L on a torus, else null. */
  public Double torusLength() {
    return torusLength;
  }

  /** Standardization on a Euclidean domain, else null. */
  public Standardization standardization() {
    return norm;
  }

  /** Width of the encoded coordinates. */
  public int encodedWidth() {
    return periodic() ? 2 * dim : dim;
  }

  /** Columnar physical coordinates ([axis][particle]) to row-major model coordinates. */
  public float[] toModel(float[][] columns) {
    int n = columns[0].length;
    float[] rows = new float[n * dim];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        rows[i * dim + k] = (float) toModel(columns[k][i], k);
      }
    }
    return rows;
  }

  double toModel(double x, int axis) {
    return periodic() ? x * PERIOD / torusLength : norm.forward(x, axis);
  }

  /** Row-major model coordinates to columnar physical ones, wrapped into [0, L) on a torus. */
  public float[][] toPhysical(float[] rows, int n) {
    float[][] out = new float[dim][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        double m = rows[i * dim + k];
        out[k][i] = periodic() ? Torus.toFloat(m * torusLength / PERIOD, torusLength) : (float) norm.inverse(m, k);
      }
    }
    return out;
  }

  /** The displacement a - b, as the minimal image on a torus (model coordinates). */
  public double displacement(double a, double b) {
    double d = a - b;
    return periodic() ? Torus.minimalImage(d, PERIOD) : d;
  }

  /**
   * Network inputs (n x (encodedWidth + m)): the encoded {@code (y - frame.mean)/frame.scale}, then the sigma
   * features, row by row.
   */
  public float[] encode(float[] y, int n, Frame frame, float[] sigmaFeatures) {
    int e = encodedWidth();
    int w = e + sigmaFeatures.length;
    float[] out = new float[n * w];
    for (int i = 0; i < n; i++) {
      int o = i * w;
      for (int k = 0; k < dim; k++) {
        double v = (y[i * dim + k] - frame.mean(k)) / frame.scale(k);
        if (periodic()) {
          out[o + k] = (float) Math.sin(v);
          out[o + dim + k] = (float) Math.cos(v);
        } else {
          out[o + k] = (float) v;
        }
      }
      System.arraycopy(sigmaFeatures, 0, out, o + e, sigmaFeatures.length);
    }
    return out;
  }
}
