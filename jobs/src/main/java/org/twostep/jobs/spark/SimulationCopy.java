package org.twostep.jobs.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * Gives a run a copy of another run's simulated tables ({@code particles/} and, for KPP, {@code eigenvalues/}), so
 * training can be repeated with another {@code training.seed} on the same data. A table the target already has is
 * left alone; a copy lands under a temporary name and is renamed into place, so a run never sees half a table.
 */
public final class SimulationCopy {
  private SimulationCopy() {}

  /** Copies each simulated table of {@code from} that {@code to} lacks; returns the tables copied. */
  public static List<String> copyMissing(SparkSession spark, RunLayout from, RunLayout to) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String[]> tables = List.of(new String[] {from.particles(), to.particles()},
        new String[] {from.eigenvalues(), to.eigenvalues()});
    List<String> copied = new java.util.ArrayList<>();
    for (String[] t : tables) {
      Path src = new Path(t[0]);
      Path dst = new Path(t[1]);
      try {
        FileSystem in = src.getFileSystem(conf);
        FileSystem out = dst.getFileSystem(conf);
        if (!in.exists(src) || out.exists(dst)) {
          continue;
        }
        Path tmp = new Path(dst.getParent(), "_copy-" + UUID.randomUUID());
        if (!FileUtil.copy(in, src, out, tmp, false, conf) || !out.rename(tmp, dst)) {
          throw new IOException("copy " + src + " -> " + dst + " failed");
        }
        copied.add(dst.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the simulated table " + src + " to " + dst, e);
      }
    }
    return copied;
  }
}
