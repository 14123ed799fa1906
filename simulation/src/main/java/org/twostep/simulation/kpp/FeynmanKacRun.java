package org.twostep.simulation.kpp;

import org.twostep.common.data.ParticleCloud;
import org.twostep.simulation.EigenTrace;

/**
 * The outcome of a Feynman-Kac run: the cloud at the end of the last generation (an approximate sample of the
 * invariant measure) and the eigenvalue trace.
 */
public record FeynmanKacRun(ParticleCloud cloud, EigenTrace trace) {}
