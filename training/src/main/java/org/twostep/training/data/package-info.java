/**
 * Stage I/II training data (SPEC §2, §7 {@code particles/}): the train split, one group per training sigma, held in
 * float arrays and cut into batches without per-row objects; standardization statistics. The jobs module reads it
 * with Spark ({@code org.twostep.jobs.spark.TrainingInput}); this module only takes the arrays.
 */
package org.twostep.training.data;
