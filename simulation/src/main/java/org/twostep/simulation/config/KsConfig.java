package org.twostep.simulation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code ks} section: Keller-Segel particle system parameters (SPEC §1.1, all [rec]).
 *
 * @param chi chemotactic sensitivity (0 switches the aggregation off)
 * @param mass total mass M, shared by the P particles
 * @param mu diffusion coefficient (noise sqrt(2 mu dt))
 * @param delta kernel regularisation
 * @param tEnd final time T
 * @param dt Euler-Maruyama step; T is a whole number of steps
 * @param particles particle count P per task
 * @param blowupRadius a particle farther than this from the origin stops the task
 * @param profile laminar flow profile
 */
public record KsConfig(double chi, double mass, double mu, double delta, double tEnd, double dt, int particles,
    double blowupRadius, LaminarProfile profile) {

  /** Relative tolerance of "T is a whole number of dt". */
  private static final double STEP_TOLERANCE = 1e-9;

  public KsConfig {
    check(chi >= 0 && Double.isFinite(chi), "ks.chi", chi, "a finite number >= 0");
    check(mass > 0 && Double.isFinite(mass), "ks.mass", mass, "a finite positive number");
    check(mu >= 0 && Double.isFinite(mu), "ks.mu", mu, "a finite number >= 0");
    check(delta > 0 && Double.isFinite(delta), "ks.delta", delta, "a finite positive number");
    check(tEnd > 0 && Double.isFinite(tEnd), "ks.t_end", tEnd, "a finite positive number");
    check(dt > 0 && Double.isFinite(dt), "ks.dt", dt, "a finite positive number");
    check(particles >= 2, "ks.particles", particles, "at least 2");
    check(blowupRadius > 0, "ks.blowup_radius", blowupRadius, "a positive number");
    double ratio = tEnd / dt;
    check(ratio >= 0.5 && Math.abs(ratio - Math.rint(ratio)) <= STEP_TOLERANCE * ratio, "ks.t_end", tEnd,
        "a whole multiple of ks.dt = " + dt);
  }

  /** Reads and validates the {@code ks} section. */
  public static KsConfig from(Config c) {
    return new KsConfig(
        ConfigReads.number(c, "ks.chi"),
        ConfigReads.number(c, "ks.mass"),
        ConfigReads.number(c, "ks.mu"),
        ConfigReads.number(c, "ks.delta"),
        ConfigReads.number(c, "ks.t_end"),
        ConfigReads.number(c, "ks.dt"),
        ConfigReads.positiveInt(c, "ks.particles"),
        ConfigReads.number(c, "ks.blowup_radius"),
        LaminarProfile.of(ConfigReads.string(c, "ks.laminar_profile")));
  }

  /** Number of Euler-Maruyama steps, T / dt. */
  public int steps() {
    return (int) Math.rint(tEnd / dt);
  }

  /** This configuration with another particle count (tests and benchmarks). */
  public KsConfig withParticles(int p) {
    return new KsConfig(chi, mass, mu, delta, tEnd, dt, p, blowupRadius, profile);
  }

  private static void check(boolean ok, String key, Object found, String expected) {
    if (!ok) {
      throw new InvalidConfigException(key, found, expected);
    }
  }
}
