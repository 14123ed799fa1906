package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.twostep.jobs.pipeline.StageProgress;
import org.twostep.training.progress.TrainingListener;

/**
 * The terminal side of a long stage: a progress bar (units done, units/s, ETA and, for training, the current loss and
 * the best validation) on a terminal; one line per {@value #PERCENT_STEP} % otherwise (a log stays readable); nothing
 * with {@code --quiet}. Library code reports through {@link TrainingListener} or {@link StageProgress}; only this
 * class draws.
 */
public final class ProgressDisplay implements TrainingListener, StageProgress, AutoCloseable {
  static final int PERCENT_STEP = 10;

  /** Where the progress goes. */
  enum Mode { BAR, LINES, QUIET }

  private final String task;
  private final String unit;
  private final Mode mode;
  private final PrintWriter out;
  private ProgressBar bar;
  private long first;
  private long total;
  private long done;
  private long startNanos;
  private int lastPrinted;
  private double loss = Double.NaN;
  private double best = Double.NaN;

  ProgressDisplay(String task, String unit, Mode mode, PrintWriter out) {
    this.task = task;
    this.unit = unit;
    this.mode = mode;
    this.out = out;
  }

  /** A bar when the JVM has a terminal, lines when it does not, nothing when {@code quiet}. */
  static ProgressDisplay open(String task, String unit, boolean quiet, PrintWriter out) {
    return open(task, unit, quiet, false, out);
  }

  /** As {@link #open(String, String, boolean, PrintWriter)}, lines even on a terminal with {@code --progress-lines}. */
  static ProgressDisplay open(String task, String unit, ExperimentOptions options, PrintWriter out) {
    return open(task, unit, options.quiet(), options.progressLines(), out);
  }

  private static ProgressDisplay open(String task, String unit, boolean quiet, boolean lines, PrintWriter out) {
    Mode mode = quiet ? Mode.QUIET : !lines && System.console() != null ? Mode.BAR : Mode.LINES;
    return new ProgressDisplay(task, unit, mode, out);
  }

  @Override
  public void started(long alreadyDone, long totalUnits) {
    first = alreadyDone;
    done = alreadyDone;
    total = totalUnits;
    startNanos = System.nanoTime();
    lastPrinted = percent(alreadyDone) / PERCENT_STEP;
    if (mode == Mode.BAR && bar == null && totalUnits > alreadyDone) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalUnits).setUnit(" " + unit, 1).showSpeed()
          .startsFrom(alreadyDone, Duration.ZERO).build();
    }
  }

  @Override
  public void advanced(long doneUnits) {
    done = doneUnits;
    if (bar != null) {
      bar.stepTo(doneUnits);
      String more = extra();
      bar.setExtraMessage(more.isEmpty() ? "" : " " + more); // the bar prints it right after the speed
    } else if (mode == Mode.LINES && percent(doneUnits) / PERCENT_STEP > lastPrinted) {
      lastPrinted = percent(doneUnits) / PERCENT_STEP;
      out.println(line());
      out.flush();
    }
  }

  @Override
  public void started(int firstStep, int totalSteps) {
    started((long) firstStep, (long) totalSteps);
  }

  @Override
  public void step(int step, double stepLoss) {
    loss = stepLoss;
    advanced(step + 1L);
  }

  @Override
  public void validated(int step, double value, double bestSoFar) {
    best = bestSoFar;
  }

  /** The line printed at each {@value #PERCENT_STEP} % when there is no terminal. */
  String line() {
    double seconds = (System.nanoTime() - startNanos) * 1e-9;
    double rate = (done - first) / Math.max(seconds, 1e-9);
    String eta = rate > 0 ? clock((total - done) / rate) : "?";
    String more = extra();
    return String.format(Locale.ROOT, "%s: %d%% (%d/%d %s, %.1f %s/s, ETA %s%s)", task, percent(done), done, total,
        unit, rate, unit, eta, more.isEmpty() ? "" : ", " + more);
  }

  private String extra() {
    String s = Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "loss %.4g", loss);
    if (!Double.isNaN(best)) {
      s += String.format(Locale.ROOT, "%sbest validation W2^2 %.4g", s.isEmpty() ? "" : ", ", best);
    }
    return s;
  }

  private int percent(long units) {
    return total <= 0 ? 100 : (int) (100 * units / total);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
