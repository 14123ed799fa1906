package org.twostep.evaluation.report;

/** Wall time of one pipeline stage of one run (summed over the pipeline invocations the run recorded). */
public record StageTiming(String run, long seed, String stage, double seconds) {}
