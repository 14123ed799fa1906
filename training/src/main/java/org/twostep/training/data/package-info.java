/**
 * Stage I/II training data (SPEC §2, §7 {@code particles/}): the train split, one group per training sigma, held
 * columnar off-heap in Arrow vectors and cut into batches without per-row objects; standardization statistics.
 */
package org.twostep.training.data;
