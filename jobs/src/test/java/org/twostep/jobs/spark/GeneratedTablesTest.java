package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.jobs.pipeline.RunLayout;

class GeneratedTablesTest {
  @TempDir Path dir;
  static final SparkSession SPARK = Sessions.get();
  static final RunProvenance RUN = new RunProvenance("20261201T000000Z-0000abcd", 7);

  @Test
  void roundTripsCloudsPerModelAndReplacesOnRewrite() {
    RunLayout layout = new RunLayout(dir.toString());
    float[][] a = {{1f, 2f, 3f}, {4f, 5f, 6f}};
    float[][] b = {{7f, 8f}, {9f, 10f}};
    GeneratedTables.publish(SPARK, layout, "e", "kpp", "meanflow",
        List.of(new GeneratedTables.Cloud(0.25, 3, a), new GeneratedTables.Cloud(0.125, 1, b)), "h1", "v", RUN);
    GeneratedTables.publish(SPARK, layout, "e", "kpp", "meanflow_dp",
        List.of(new GeneratedTables.Cloud(0.25, 3, b)), "h1", "v", RUN);
    Dataset<Row> t = SPARK.read().parquet(layout.generated());
    assertEquals(3 + 2 + 2, t.count());
    List<Row> mf = t.where("model = 'meanflow' AND sigma_index = 3").orderBy("particle").collectAsList();
    assertEquals(3, mf.size());
    assertEquals(2f, mf.get(1).getFloat(mf.get(1).fieldIndex("x")));
    assertEquals(6f, mf.get(2).getFloat(mf.get(2).fieldIndex("y")));
    assertEquals("20261201T000000Z-0000abcd", mf.get(0).getString(mf.get(0).fieldIndex("run_id")));
    assertEquals(7L, mf.get(0).getLong(mf.get(0).fieldIndex("training_seed")));
    assertTrue(GeneratedTables.isComplete(SPARK, layout, "e", "meanflow", List.of(1, 3), "h1"));
    assertFalse(GeneratedTables.isComplete(SPARK, layout, "e", "meanflow_dp", List.of(1, 3), "h1"));
    assertFalse(GeneratedTables.isComplete(SPARK, layout, "e", "meanflow", List.of(1, 3), "h2"));
    // rewriting a model replaces its rows and leaves the other model alone
    GeneratedTables.publish(SPARK, layout, "e", "kpp", "meanflow",
        List.of(new GeneratedTables.Cloud(0.25, 3, b)), "h2", "v", RUN);
    Dataset<Row> t2 = SPARK.read().parquet(layout.generated());
    assertEquals(2, t2.where("model = 'meanflow' AND sigma_index = 3").count());
    assertEquals(2, t2.where("model = 'meanflow_dp'").count());
  }
}
