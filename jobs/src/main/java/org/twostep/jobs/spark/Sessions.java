package org.twostep.jobs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one way to get a SparkSession. No master is set in code when one is given (spark-submit, {@code
 * -Dspark.master=...}); otherwise the embedded default {@code local[*]} runs everything in this JVM.
 */
public final class Sessions {
  private Sessions() {}

  public static SparkSession get() {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("twostep");
    if (!conf.contains("spark.master")) {
      b.master("local[*]");
      b.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"));
      b.config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
    }
    return b.getOrCreate();
  }
}
