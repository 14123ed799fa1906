package org.twostep.training.baselines;

import org.twostep.training.store.ModelCard;

/**
 * What a call to {@link ImmTrainer#train} did.
 *
 * @param card the model card after the call
 * @param skipped a finished model with the same config hash was already there
 * @param resumedFrom the step a checkpoint resumed from (0 for a fresh start)
 * @param stepsRun optimizer steps taken in this call
 * @param seconds wall time of this call
 */
public record ImmResult(ModelCard card, boolean skipped, int resumedFrom, int stepsRun, double seconds) {}
