package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.ot.HistogramGrid;
import org.twostep.common.ot.W2Result;
import org.twostep.common.ot.Wasserstein;
import org.twostep.jobs.io.CloudFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twostep w2 A B}: the exact W2 between two clouds (SPEC §6), printed as one JSON object
 * {@code {"w2sq", "w2", "cells_a", "cells_b", "seconds"}} ({@code seconds}: binning and transport).
 * Binned on a common grid by default (A's padded bounding box, or {@code --box}, or the torus of
 * {@code --periodic}); {@code --subsample n} compares point clouds without binning.
 */
@Command(name = "w2", mixinStandardHelpOptions = true,
    description = "Exact W2 between two clouds (CSV with a header or Parquet, columns x, y[, z[, w]]).")
public final class W2Command implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "Reference cloud: .csv, .parquet or a Parquet directory")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Generated cloud, same format and dimension")
  Path b;

  @Option(names = "--bins", description = "Bins per axis (default 24 on a box, 32 on a torus)")
  Integer bins;

  @Option(names = "--box", split = ",", paramLabel = "x0,x1,y0,y1,...",
      description = "Grid box (default: A's bounding box padded by 5%% per side)")
  double[] box;

  @Option(names = "--periodic", paramLabel = "L", description = "Torus [0, L)^d with the minimal-image cost")
  Double periodic;

  @Option(names = "--project", description = "Mean torus W2 over the 2D coordinate planes (needs --periodic)")
  boolean project;

  @Option(names = "--subsample", paramLabel = "n",
      description = "Exact EMD between n random points of each cloud, no binning; 0 = all points")
  Integer subsample;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the subsample (default ${DEFAULT-VALUE})")
  long seed;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ParticleCloud ca = CloudFiles.read(a);
    ParticleCloud cb = CloudFiles.read(b);
    if (ca.dim() != cb.dim()) {
      throw new InvalidInputException("A has dimension " + ca.dim() + ", B has " + cb.dim());
    }
    W2Result r = measure(ca, cb);
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, "{\"w2sq\":%s,\"w2\":%s,\"cells_a\":%d,\"cells_b\":%d,\"seconds\":%s}",
        r.w2sq(), r.w2(), r.cellsA(), r.cellsB(), r.seconds()));
    out.flush();
    return 0;
  }

  private W2Result measure(ParticleCloud ca, ParticleCloud cb) {
    if (bins != null && bins < 1) {
      throw new InvalidInputException("--bins must be >= 1, found " + bins);
    }
    if (subsample != null) {
      if (periodic != null || project || box != null) {
        throw new InvalidInputException("--subsample compares points with the Euclidean cost: drop --periodic, --project, --box");
      }
      return Wasserstein.subsample(ca, cb, subsample, seed);
    }
    if (project && periodic == null) {
      throw new InvalidInputException("--project needs --periodic L");
    }
    if (periodic != null) {
      if (box != null) {
        throw new InvalidInputException("--box and --periodic exclude each other");
      }
      int n = bins != null ? bins : 32;
      return project ? Wasserstein.projected(ca, cb, periodic, n) : Wasserstein.periodic(ca, cb, periodic, n);
    }
    int n = bins != null ? bins : 24;
    if (box != null) {
      return Wasserstein.histogram(ca, cb, grid(ca.dim(), n));
    }
    return Wasserstein.histogram(ca, cb, n, HistogramGrid.DEFAULT_PADDING);
  }

  private HistogramGrid grid(int dim, int n) {
    if (box.length != 2 * dim) {
      throw new InvalidInputException("--box needs " + 2 * dim + " values (lower,upper per axis), found " + box.length);
    }
    double[] lo = new double[dim];
    double[] hi = new double[dim];
    for (int k = 0; k < dim; k++) {
      lo[k] = box[2 * k];
      hi[k] = box[2 * k + 1];
    }
    return HistogramGrid.box(n, lo, hi);
  }
}
