package org.twostep.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.cli.GaussianRun;
import org.twostep.jobs.spark.Sessions;

/** Sampling a DataFrame of requests on the executors: the API's clouds, one model load per executor JVM. */
class SampleJobTest {
  static final SparkSession SPARK = Sessions.get();

  @Test
  void requestsBecomeTheirCloudsWithOneModelLoadPerExecutor() {
    Path run = GaussianRun.run();
    ExecutorModels.closeAll();
    int before = ExecutorModels.loads();
    List<Row> requests = List.of(RowFactory.create(3.0, 700L, 1L), RowFactory.create(3.0, 500L, 2L),
        RowFactory.create(12.0, 300L, 1L), RowFactory.create(5.5, 40000L, 4L));
    Dataset<Row> df = SPARK.createDataFrame(requests, SampleJob.REQUESTS).repartition(4);
    Dataset<Row> out = SampleJob.sample(SPARK, df, run.toString(), "meanflow_dp").cache();
    assertEquals(700 + 500 + 300 + 40000, out.count());
    assertEquals(1, ExecutorModels.loads() - before, "local mode is one executor: one load for four tasks");
    try (Surrogate s = Surrogate.open(run, "meanflow_dp")) {
      for (Row r : requests) {
        List<Row> got = out.where(String.format("sigma = %s AND seed = %d", r.getDouble(0), r.getLong(2)))
            .orderBy("particle").select("x", "in_training_range", "sigma_index").collectAsList();
        Cloud want = s.sample(r.getDouble(0), (int) r.getLong(1), r.getLong(2));
        float[] x = new float[got.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = got.get(i).getFloat(0);
        }
        assertArrayEquals(want.column(0), x, "request " + r);
        assertEquals(want.inTrainingRange(), got.get(0).getBoolean(1));
      }
    }
    assertEquals(2, out.where("sigma = 12.0").select("sigma_index").first().getInt(0), "3, 5.5, 12: position 2");
    assertTrue(out.where("sigma = 12.0 AND in_training_range").isEmpty());
    out.unpersist();
    assertThrows(InvalidInputException.class, () -> SampleJob.sample(SPARK,
        SPARK.createDataFrame(List.of(RowFactory.create(-1.0, 5L, 1L)), SampleJob.REQUESTS), run.toString(),
        "meanflow"));
  }
}
