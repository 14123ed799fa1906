package org.twostep.training.progress;

/**
 * What a trainer reports while it runs, for whoever shows it (the CLI draws a progress bar; tests record the calls).
 * Trainers never print: they call this from the training thread, once per step, so an implementation must be cheap.
 */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * Training starts (or resumes).
   *
   * @param firstStep the step this call starts at (0, or the checkpoint's step when resumed)
   * @param totalSteps the configured number of steps
   */
  default void started(int firstStep, int totalSteps) {}

  /** Step {@code step} (0-based) is done with training loss {@code loss}. */
  default void step(int step, double loss) {}

  /**
   * A checkpoint of {@code stepsDone} steps is on disk (its files complete), so whoever keeps the model directory
   * elsewhere can copy it now: a run killed later resumes from here.
   */
  default void checkpointed(int stepsDone) {}

  /** A held-out validation after {@code step} steps measured {@code value}; {@code best} is the best so far. */
  default void validated(int step, double value, double best) {}
}
