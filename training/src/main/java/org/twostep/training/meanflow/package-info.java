/**
 * Stage I, the sigma-conditioned MeanFlow one-step generator (SPEC §2): the training step with the exact tangent
 * pass, Adam with cosine decay, EMA sampling weights, checkpoint/resume, and one- and multi-step sampling (SPEC §4).
 */
package org.twostep.training.meanflow;
