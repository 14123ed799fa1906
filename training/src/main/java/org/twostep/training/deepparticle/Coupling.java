package org.twostep.training.deepparticle;

/** A mini-batch coupling between corrector outputs R(y) and reference particles x (SPEC §3). */
interface Coupling {

  /** Couples row-major r and x (n x d each, model coordinates). Not thread-safe: one instance per solving thread. */
  CouplingTarget couple(float[] r, float[] x, int n);
}
