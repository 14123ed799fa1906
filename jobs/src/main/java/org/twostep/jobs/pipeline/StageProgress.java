package org.twostep.jobs.pipeline;

/** How a stage that works through units (sigma generated, pairs measured) reports them; the CLI shows it. */
public interface StageProgress {
  /** Reports nothing. */
  StageProgress NONE = new StageProgress() {};

  /** The stage starts with {@code done} of {@code total} units already done. */
  default void started(long done, long total) {}

  /** {@code done} units are done. */
  default void advanced(long done) {}
}
