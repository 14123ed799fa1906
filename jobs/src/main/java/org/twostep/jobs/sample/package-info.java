/**
 * The surrogate as a product: {@link org.twostep.jobs.sample.Surrogate} opens a run's trained model once and samples
 * any sigma (SPEC §2 sampling, §3 inference); {@link org.twostep.jobs.sample.SampleWriter} streams clouds to
 * Parquet, CSV or a hive-partitioned table ({@code twostep sample}); {@link org.twostep.jobs.sample.SampleJob} samples
 * a DataFrame of (sigma, n, seed) requests on the executors with one model load per executor JVM.
 */
package org.twostep.jobs.sample;
