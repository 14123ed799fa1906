package org.twostep.evaluation.warmstart;

/**
 * One row of {@code eigenvalues/} (SPEC §7): the estimate after {@code generation} periods of one run.
 *
 * @param split {@code test} for simulate's long-run reference, {@link WarmStartStudy#SPLIT} for the study's runs
 * @param start cold, meanflow or meanflow_dp
 * @param muGeneration the estimate from this generation alone
 * @param muN the cumulative estimate mu_n over generations 1..n
 */
public record EigenRow(String experiment, double sigma, int sigmaIndex, String split, String start, int generation,
    double muGeneration, double muN) implements java.io.Serializable {}
