package org.twostep.evaluation.metrics;

import java.io.Serializable;

/** One (model, sigma) pair to measure against the test reference at that sigma. */
public record EvalTask(String model, double sigma, int sigmaIndex) implements Serializable {}
