package org.twostep.evaluation.metrics;

import java.io.Serializable;

/**
 * What every row of one evaluation run shares: the experiment, the provenance columns, and the root seed the
 * subsample EMD draws from (shipped to executors).
 */
public record MetricContext(String experiment, String configHash, String codeVersion, long seedRoot)
    implements Serializable {}
