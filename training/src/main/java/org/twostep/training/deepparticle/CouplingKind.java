package org.twostep.training.deepparticle;

/** {@code dp.coupling}: the exact assignment (the method) or the entropic Sinkhorn plan (the Table 3 ablation). */
public enum CouplingKind {
  EXACT,
  SINKHORN
}
