package org.twostep.simulation;

import java.util.SplittableRandom;
import org.twostep.common.rng.Seeds;

/**
 * The random streams of one task (SPEC §1): the initial cloud depends on (experiment, replica) only, so it is
 * shared by every sigma; the noise and the resampling depend on (experiment, sigma, replica). Sub-streams (a
 * step, a block of particles) add coordinates, so blocks draw independently of the order they run in.
 *
 * @param root the experiment's root seed ({@code experiment.seed} mixed with its name)
 * @param sigma the task's physical parameter
 * @param replica the task's replica
 */
public record TaskSeeds(long root, double sigma, int replica) {
  private static final long INIT = Seeds.coordinate("init");
  private static final long NOISE = Seeds.coordinate("noise");
  private static final long RESAMPLE = Seeds.coordinate("resample");

  /** The stream of the initial cloud: {@code Seeds.stream(root, "init", replica)}. */
  public SplittableRandom initStream() {
    return Seeds.stream(root, INIT, replica);
  }

  /** The whole-task noise stream: {@code Seeds.stream(root, "noise", sigma, replica)} (KS draws from it in order). */
  public SplittableRandom noiseStream() {
    return Seeds.stream(root, NOISE, Seeds.coordinate(sigma), replica);
  }

  /** The noise sub-stream of (step, block). */
  public SplittableRandom noiseStream(long step, long block) {
    return Seeds.stream(root, NOISE, Seeds.coordinate(sigma), replica, step, block);
  }

  /** The resampling sub-stream of (step, block). */
  public SplittableRandom resampleStream(long step, long block) {
    return Seeds.stream(root, RESAMPLE, Seeds.coordinate(sigma), replica, step, block);
  }
}
