/**
 * The sigma-dependent frames the models may learn in: a trend (per-sigma mean and scale of the particle cloud fitted
 * as smooth functions of sigma on the training grid) or each training group's own mean and full covariance,
 * interpolated between groups. MeanFlow and the corrector learn the cloud in the frame and samples are moved out of
 * it, so the moments come from the frame and the networks keep the shape.
 */
package org.twostep.training.frame;
