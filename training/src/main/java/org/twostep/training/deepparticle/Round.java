package org.twostep.training.deepparticle;

/**
 * One coupling round's fixed batch: the training sigma, its frame, the prior samples y (row-major model coordinates)
 * and the coupling's targets, with the time spent drawing and coupling (on the training thread).
 *
 * @param index round number
 * @param sigma training sigma of the batch
 * @param frame frame at sigma
 * @param y prior samples, row-major n x d
 * @param coupling targets, offset and coupled cost
 * @param generatorSeconds time spent drawing prior and reference samples
 * @param couplingSeconds time the training thread waited for the coupling (its whole solve when not overlapped)
 */
record Round(int index, double sigma, Frame frame, float[] y, CouplingTarget coupling, double generatorSeconds,
    double couplingSeconds) {}
