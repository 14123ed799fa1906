package org.twostep.training.deepparticle;

/**
 * What a coupling hands to the K Adam steps: per-row targets b (row-major n x d, model coordinates) such that the
 * coupled loss is {@code mean_i |R(y_i) - b_i|^2 + offset}, and the coupled cost at the outputs it was solved on.
 * For the exact assignment b_i = x_pi(i) and offset = 0; for a Sinkhorn plan b is the barycentric projection.
 *
 * @param targets row-major n x d targets (owned by the receiver)
 * @param offset constant added to the mean squared distance to give the coupled loss
 * @param cost coupled mean cost at the outputs the coupling was solved on (the mini-batch W2sq when exact)
 * @param seconds wall time of the cost matrix and solve
 * @param converged whether the solve met its marginal tolerance (an assignment always does; a Sinkhorn plan that hit
 *     its iteration cap does not, and its rows then do not carry mass 1/n)
 */
record CouplingTarget(float[] targets, double offset, double cost, double seconds, boolean converged) {}
