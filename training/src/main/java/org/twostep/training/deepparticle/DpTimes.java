package org.twostep.training.deepparticle;

/**
 * Where a corrector run's time went, summed over its rounds (SPEC §3 performance): drawing prior samples through the
 * frozen generator and reference rows, waiting for couplings (cost matrix and solve), Adam steps (forward, backward,
 * update), and validation.
 *
 * @param rounds coupling rounds
 * @param steps Adam steps
 * @param generatorSeconds prior and reference draws
 * @param couplingSeconds coupling time on the training thread
 * @param gradientSeconds Adam steps
 * @param validationSeconds validations
 * @param unconverged couplings whose solve did not converge (Sinkhorn at its iteration cap; 0 in older cards)
 */
public record DpTimes(int rounds, int steps, double generatorSeconds, double couplingSeconds, double gradientSeconds,
    double validationSeconds, int unconverged) {

  public static DpTimes zero() {
    return new DpTimes(0, 0, 0, 0, 0, 0, 0);
  }

  DpTimes plusRound(Round r, int roundSteps, double gradient) {
    return new DpTimes(rounds + 1, steps + roundSteps, generatorSeconds + r.generatorSeconds(),
        couplingSeconds + r.couplingSeconds(), gradientSeconds + gradient, validationSeconds,
        unconverged + (r.coupling().converged() ? 0 : 1));
  }

  DpTimes plusValidation(double seconds) {
    return new DpTimes(rounds, steps, generatorSeconds, couplingSeconds, gradientSeconds, validationSeconds + seconds,
        unconverged);
  }

  /** The sum of two runs' splits (a resumed run adds its earlier calls). */
  DpTimes plus(DpTimes b) {
    return new DpTimes(rounds + b.rounds, steps + b.steps, generatorSeconds + b.generatorSeconds,
        couplingSeconds + b.couplingSeconds, gradientSeconds + b.gradientSeconds,
        validationSeconds + b.validationSeconds, unconverged + b.unconverged);
  }

  /** Adam steps per second of the training loop (generator, coupling and gradient time; validation excluded). */
  public double stepsPerSecond() {
    double t = generatorSeconds + couplingSeconds + gradientSeconds;
    return t > 0 ? steps / t : 0;
  }
}
