/** The listener through which the trainers (MeanFlow, the DeepParticle corrector, IMM) report their progress. */
package org.twostep.training.progress;
