package org.twostep.evaluation.metrics;

/** A distance between two clouds: the optimal cost {@code w2sq} and {@code w2 = sqrt(w2sq)} (SPEC §6). */
public record Distance(double w2sq, double w2) {}
