/**
 * Model storage (SPEC §7): DJL parameter files, the JSON model card, the loss curve and training checkpoints,
 * written atomically and verified by digest on load.
 */
package org.twostep.training.store;
