package org.twostep.training.deepparticle;

import org.twostep.training.store.ModelCard;

/**
 * What a call to {@link DeepParticleTrainer#train} did.
 *
 * @param card the shared model card after the call
 * @param corrector the corrector card after the call
 * @param skipped a finished model with the same config hash was already there
 * @param resumedFrom the step a checkpoint resumed from (0 for a fresh start)
 * @param stepsRun Adam steps taken in this call
 * @param seconds wall time of this call
 * @param times time split of this call
 */
public record DpResult(ModelCard card, CorrectorCard corrector, boolean skipped, int resumedFrom, int stepsRun,
    double seconds, DpTimes times) {}
