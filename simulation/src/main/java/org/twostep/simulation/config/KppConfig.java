package org.twostep.simulation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code kpp} section: Feynman-Kac particle system for the KPP principal eigenvalue (SPEC §1.2, [rec]).
 *
 * @param lambda the exponent lambda of the eigenvalue problem mu(lambda)
 * @param direction axis index of the front direction e
 * @param substeps M, substeps per period (dt = 1/M)
 * @param particles N, particles per task
 * @param referenceGenerations generations of the cold run that gives the reference cloud
 * @param theta amplitude of the time-periodic part of the cellular flow
 * @param domainLength side L of the torus, a whole multiple of 2 pi so the flows are periodic on it
 * @param resampleEvery substeps between multinomial resamplings within a generation, whose last substep always
 *     resamples; weights accumulate in between
 */
public record KppConfig(double lambda, int direction, int substeps, int particles, int referenceGenerations,
    double theta, double domainLength, int resampleEvery) {

  private static final double TWO_PI = 2 * Math.PI;

  public KppConfig {
    check(lambda > 0 && Double.isFinite(lambda), "kpp.lambda", lambda, "a finite positive number");
    check(direction >= 0, "kpp.direction", direction, "an axis index >= 0");
    check(substeps >= 1, "kpp.substeps", substeps, "a positive integer");
    check(particles >= 1, "kpp.particles", particles, "a positive integer");
    check(referenceGenerations >= 1, "kpp.reference_generations", referenceGenerations, "a positive integer");
    check(Double.isFinite(theta), "kpp.theta", theta, "a finite number");
    double periods = domainLength / TWO_PI;
    check(periods >= 0.5 && Math.abs(periods - Math.rint(periods)) <= 1e-9 * periods, "kpp.domain_length",
        domainLength, "a positive whole multiple of 2 pi (the flows' period)");
    check(resampleEvery >= 1, "kpp.resample_every", resampleEvery, "a positive integer");
  }

  /** Reads and validates the {@code kpp} section; the direction must be an axis of {@code experiment.dim}. */
  public static KppConfig from(Config c, int dim) {
    long direction = ConfigReads.integer(c, "kpp.direction");
    check(direction >= 0 && direction < dim, "kpp.direction", direction, "an axis index in [0, " + dim + ")");
    return new KppConfig(
        ConfigReads.number(c, "kpp.lambda"),
        (int) direction,
        ConfigReads.positiveInt(c, "kpp.substeps"),
        ConfigReads.positiveInt(c, "kpp.particles"),
        ConfigReads.positiveInt(c, "kpp.reference_generations"),
        ConfigReads.number(c, "kpp.theta"),
        ConfigReads.number(c, "kpp.domain_length"),
        ConfigReads.positiveInt(c, "kpp.resample_every"));
  }

  /** This configuration with another particle count (tests and benchmarks). */
  public KppConfig withParticles(int n) {
    return new KppConfig(lambda, direction, substeps, n, referenceGenerations, theta, domainLength, resampleEvery);
  }

  /** This configuration at another lambda (the front-speed scan). */
  public KppConfig withLambda(double newLambda) {
    return new KppConfig(newLambda, direction, substeps, particles, referenceGenerations, theta, domainLength,
        resampleEvery);
  }

  private static void check(boolean ok, String key, Object found, String expected) {
    if (!ok) {
      throw new InvalidConfigException(key, found, expected);
    }
  }
}
