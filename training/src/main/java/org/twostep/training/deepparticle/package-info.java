/**
 * Stage II of SPEC §3: the near-identity DeepParticle corrector {@code R(y, sigma) = y + g(y, sigma)} (residual
 * blocks LayerNorm -> Linear -> SiLU -> Linear, zero-initialised head), trained on mini-batch W2 with a coupling
 * (exact assignment, or the Sinkhorn plan of the Table 3 ablation) refreshed every K Adam steps, on top of a frozen
 * Stage I generator; on tori with periodic input features and minimal-image displacements.
 */
package org.twostep.training.deepparticle;
