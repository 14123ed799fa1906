package org.twostep.training.meanflow;

import org.twostep.training.store.ModelCard;

/**
 * What a call to {@link MeanFlowTrainer#train} did.
 *
 * @param card the model's card after the call
 * @param skipped a finished model with the same config hash was already there
 * @param resumedFrom the step a checkpoint resumed from (0 for a fresh start)
 * @param stepsRun optimizer steps taken in this call
 * @param seconds wall time of this call's steps
 */
public record TrainResult(ModelCard card, boolean skipped, int resumedFrom, int stepsRun, double seconds) {}
