package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.twostep.common.rng.Seeds;
import org.twostep.training.generate.Generator;

/**
 * Draws each round's batch and solves its coupling (SPEC §3): round r picks a training sigma and reference rows from
 * {@code Seeds.stream(seed, "dp-round", r)} and prior samples with seed {@code derive(seed, "dp-prior", r)}, so a
 * resumed run sees the same batches. The coupling is solved on the corrector's current outputs; with
 * {@code overlap}, round r + 1's coupling is solved on a worker thread during round r's Adam steps, on outputs taken
 * at the start of round r (K steps stale), which hides the solve behind the gradient steps.
 */
final class RoundPlanner implements AutoCloseable {
  private final Generator prior;
  private final ReferencePool pool;
  private final double[] sigmas;
  private final Frames frames;
  private final Corrector corrector;
  private final NDManager manager;
  private final Coupling coupling;
  private final int n;
  private final long seed;
  private final ExecutorService worker;
  private CompletableFuture<Round> pending;
  private int pendingIndex = -1;

  RoundPlanner(Generator prior, ReferencePool pool, double[] sigmas, Frames frames, Corrector corrector,
      NDManager manager, Coupling coupling, int n, long seed, boolean overlap) {
    this.prior = prior;
    this.pool = pool;
    this.sigmas = sigmas.clone();
    this.frames = frames;
    this.corrector = corrector;
    this.manager = manager;
    this.coupling = coupling;
    this.n = n;
    this.seed = seed;
    this.worker = overlap ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dp-coupling");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** The batch and coupling of round {@code index}; with overlap, also starts solving round index + 1. */
  Round next(int index) {
    Round round;
    if (pending != null && pendingIndex == index) {
      long t0 = System.nanoTime();
      round = pending.join();
      round = new Round(round.index(), round.sigma(), round.frame(), round.y(), round.coupling(),
          round.generatorSeconds(), (System.nanoTime() - t0) * 1e-9);
    } else {
      Batch b = batch(index);
      float[] r = corrector.apply(manager, b.y, n, b.sigma, b.frame);
      long t0 = System.nanoTime();
      CouplingTarget c = coupling.couple(r, b.x, n);
      round = new Round(index, b.sigma, b.frame, b.y, c, b.seconds, (System.nanoTime() - t0) * 1e-9);
    }
    pending = null;
    if (worker != null) {
      Batch b = batch(index + 1);
      float[] r = corrector.apply(manager, b.y, n, b.sigma, b.frame);
      pending = CompletableFuture.supplyAsync(
          () -> new Round(index + 1, b.sigma, b.frame, b.y, coupling.couple(r, b.x, n), b.seconds, 0), worker);
      pendingIndex = index + 1;
    }
    return round;
  }

  private Batch batch(int index) {
    long t0 = System.nanoTime();
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("dp-round"), index);
    int g = sigmas.length == 1 ? 0 : rng.nextInt(sigmas.length);
    double sigma = sigmas[g];
    float[] y = corrector.coordinates().toModel(
        prior.generate(sigma, n, Seeds.derive(seed, Seeds.coordinate("dp-prior"), index)));
    float[] x = pool.draw(g, n, rng);
    Frame frame = frames.at(sigma);
    return new Batch(sigma, frame, y, x, (System.nanoTime() - t0) * 1e-9);
  }

  private record Batch(double sigma, Frame frame, float[] y, float[] x, double seconds) {}

  @Override
  public void close() {
    if (pending != null) {
      pending.join();
    }
    if (worker != null) {
      worker.shutdownNow();
    }
  }
}
