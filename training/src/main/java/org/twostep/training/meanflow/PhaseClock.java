package org.twostep.training.meanflow;

/** Wall time per phase of a training step, summed over steps (PyTorch CPU ops are synchronous). */
public final class PhaseClock {
  /** Batch cutting and upload, the dual (forward + tangent) pass, loss and backward, optimizer and EMA. */
  public static final int BATCH = 0;
  public static final int DUAL = 1;
  public static final int BACKWARD = 2;
  public static final int OPTIMIZER = 3;

  private final long[] nanos = new long[4];
  private long last;

  void start() {
    last = System.nanoTime();
  }

  void lap(int phase) {
    long now = System.nanoTime();
    nanos[phase] += now - last;
    last = now;
  }

  public double seconds(int phase) {
    return nanos[phase] * 1e-9;
  }

  public void reset() {
    java.util.Arrays.fill(nanos, 0);
  }
}
