/**
 * The sigma-trend frame: per-sigma mean and scale of the particle cloud fitted as smooth functions of sigma on the
 * training grid. MeanFlow and the corrector learn the cloud in this frame and samples are moved out of it, so the
 * moments that follow sigma (a drift linear in sigma, a spread that grows with it) come from the fit instead of the
 * networks, which keep the shape.
 */
package org.twostep.training.frame;
