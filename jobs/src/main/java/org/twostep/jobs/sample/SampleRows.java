package org.twostep.jobs.sample;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.twostep.jobs.spark.ParticleTables;

/**
 * The rows of sampled particles as {@link ParticleTables#sampled} lays them out, one field of one row at a time, for
 * the writers that stream without Spark: experiment, system, sigma, sigma_index, split {@code sampled}, replica 0,
 * particle (index in the cloud), the coordinates, model, in_training_range.
 */
final class SampleRows {
  private final String experiment;
  private final String system;
  private final StructType schema;
  private final String[] names;

  SampleRows(String experiment, String system, int dim) {
    this.experiment = experiment;
    this.system = system;
    this.schema = ParticleTables.sampled(dim);
    this.names = schema.fieldNames();
  }

  StructType schema() {
    return schema;
  }

  /** The fields, without the hive partition columns when {@code partitioned}. */
  List<StructField> fields(boolean partitioned) {
    return java.util.Arrays.stream(schema.fields())
        .filter(f -> !partitioned || !(f.name().equals("experiment") || f.name().equals("sigma_index"))).toList();
  }

  /** Field {@code name} of particle i of a piece whose sigma has position {@code sigmaIndex} among the sigma asked. */
  Object value(String name, Cloud piece, int sigmaIndex, int i) {
    return switch (name) {
      case "experiment" -> experiment;
      case "system" -> system;
      case "sigma" -> piece.sigma();
      case "sigma_index" -> sigmaIndex;
      case "split" -> ParticleTables.SAMPLED;
      case "replica" -> 0;
      case "particle" -> Math.toIntExact(piece.offset() + i);
      case "model" -> piece.model();
      case "in_training_range" -> piece.inTrainingRange();
      default -> piece.column(ParticleTables.AXES.indexOf(name))[i];
    };
  }

  String[] names() {
    return names.clone();
  }
}
