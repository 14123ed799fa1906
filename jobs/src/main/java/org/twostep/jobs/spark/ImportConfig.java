package org.twostep.jobs.spark;

import com.typesafe.config.Config;
import java.util.HashSet;
import java.util.List;
import org.twostep.common.config.ConfigReads;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code import} section: which source columns are the axes, and how many replicas per test sigma are held out
 * for {@code test} and {@code reference_b} when the input carries no split.
 *
 * @param axes source column per axis, {@code experiment.dim} of them, distinct
 */
public record ImportConfig(List<String> axes, int testReplicas, int referenceBReplicas)
    implements java.io.Serializable {

  public ImportConfig {
    axes = List.copyOf(axes);
    if (new HashSet<>(axes).size() != axes.size()) {
      throw new InvalidConfigException("import.axes", axes.toString(), "distinct column names");
    }
  }

  public static ImportConfig from(Config c) {
    int dim = ConfigReads.intIn(c, "experiment.dim", 1, ParticleTables.AXES.size());
    List<String> axes = ConfigReads.strings(c, "import.axes");
    if (axes.isEmpty()) {
      axes = ParticleTables.axes(dim);
    } else if (axes.size() != dim) {
      throw new InvalidConfigException("import.axes", axes.toString(), "one column per axis: " + dim
          + " names (experiment.dim)");
    }
    return new ImportConfig(axes, ConfigReads.positiveInt(c, "import.test_replicas"),
        ConfigReads.positiveInt(c, "import.reference_b_replicas"));
  }
}
