package org.twostep.training.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;

/** The tangent pass equals central finite differences in float64, layer by layer and for the whole network. */
class TangentPassTest {
  private static final double TOL = 1e-6;
  // small enough that no SELU pre-activation crosses its kink at 0 (where the derivative jumps from lambda*alpha
  // to lambda) within +-H·dx; float64 round-off stays near 1e-9 relative
  private static final double H = 1e-7;
  private NDManager manager;
  private final SplittableRandom rng = new SplittableRandom(42);

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray random(long... shape) {
    double[] v = new double[(int) new Shape(shape).size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    return manager.create(v, new Shape(shape));
  }

  private NDArray uniform(long rows, long cols) {
    double[] v = new double[(int) (rows * cols)];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble();
    }
    return manager.create(v, new Shape(rows, cols));
  }

  /** max |jvp - fd| / max |jvp| for the layer at x along dx. */
  private static double relativeError(Function<NDArray, NDArray> f, NDArray jvp, NDArray x, NDArray dx) {
    NDArray fd = f.apply(x.add(dx.mul(H))).sub(f.apply(x.sub(dx.mul(H)))).div(2 * H);
    double err = jvp.sub(fd).abs().max().getDouble();
    double scale = jvp.abs().max().getDouble();
    assertTrue(scale > 1e-3, "tangent must not vanish, found max |jvp| = " + scale);
    return err / scale;
  }

  private void assertLayer(DualLayer layer, NDArray x) {
    NDArray dx = random(x.getShape().getShape());
    Dual d = layer.forwardTangent(new Dual(x, dx));
    double err = relativeError(layer::forward, d.tangent(), x, dx);
    assertTrue(err < TOL, "relative error " + err);
    // the primal of the dual pass is the forward pass
    assertTrue(d.primal().sub(layer.forward(x)).abs().max().getDouble() == 0.0);
  }

  @Test
  void denseTangentMatchesFiniteDifferences() {
    assertLayer(new Dense(random(7, 5), random(7)), random(11, 5));
  }

  @Test
  void seluTangentMatchesFiniteDifferencesOnBothBranches() {
    NDArray x = random(40, 6);
    assertTrue(x.lt(0).any().getBoolean() && x.gt(0).any().getBoolean(), "both branches exercised");
    assertLayer(new Selu(manager, DataType.FLOAT64), x);
  }

  @Test
  void residualTangentMatchesFiniteDifferences() {
    DualLayer inner = new Chain(List.of(new Dense(random(6, 6), random(6)), new Selu(manager, DataType.FLOAT64)));
    assertLayer(new Residual(inner), random(9, 6));
  }

  @Test
  void siluTangentMatchesFiniteDifferences() {
    assertLayer(new Silu(), random(15, 6));
  }

  @Test
  void layerNormTangentMatchesFiniteDifferences() {
    assertLayer(new LayerNorm(random(6), random(6)), random(9, 6).mul(3).add(1));
  }

  @Test
  void correctorBlockTangentMatchesFiniteDifferences() {
    DualLayer block = new Residual(new Chain(List.of(new LayerNorm(random(6), random(6)),
        new Dense(random(6, 6), random(6)), new Silu(), new Dense(random(6, 6), random(6)))));
    assertLayer(block, random(9, 6));
  }

  @Test
  void timeEmbeddingTangentMatchesFiniteDifferences() {
    NDArray tau = uniform(13, 2);
    assertLayer(new TimeEmbedding(manager, DataType.FLOAT64, TimeEmbedding.geometric(16, 1, 16), 2), tau);
  }

  @Test
  void wholeNetworkTangentMatchesFiniteDifferencesAlongTheMeanFlowDirection() {
    NetSpec spec = NetSpec.of(ModelConfig.defaults(SigmaTransform.LOG), 3, 5);
    // head gain 1 so the output is not tiny; the structure is the one trained
    MeanFlowNet net = MeanFlowNet.of(spec, manager, DataType.FLOAT64,
        Initializer.initial(spec, manager, DataType.FLOAT64, 7, 1.0));
    int n = 17;
    NDArray zs = random(n, 8);
    NDArray tau = uniform(n, 2);
    NDArray v = random(n, 3);
    NDArray dzs = v.concat(manager.zeros(new Shape(n, 5), DataType.FLOAT64), 1);
    NDArray dtau = manager.ones(new Shape(n, 2), DataType.FLOAT64);
    Dual d = net.forwardTangent(zs, dzs, tau, dtau);
    NDArray both = zs.concat(tau, 1);
    NDArray dboth = dzs.concat(dtau, 1);
    Function<NDArray, NDArray> f = in -> net.forward(in.get(":, 0:8"), in.get(":, 8:10"));
    double err = relativeError(f, d.tangent(), both, dboth);
    assertTrue(err < TOL, "relative error " + err);
  }

  /** A tangent on the last rows only (the MeanFlow r < t rows) is the full tangent's last rows; the primal is whole. */
  @Test
  void tangentOnTheLastRowsIsTheFullTangentThere() {
    NetSpec spec = NetSpec.of(ModelConfig.defaults(SigmaTransform.LOG), 3, 5);
    MeanFlowNet net = MeanFlowNet.of(spec, manager, DataType.FLOAT64,
        Initializer.initial(spec, manager, DataType.FLOAT64, 7, 1.0));
    int n = 17;
    NDArray zs = random(n, 8);
    NDArray tau = uniform(n, 2);
    NDArray dzs = random(n, 3).concat(manager.zeros(new Shape(n, 5), DataType.FLOAT64), 1);
    NDArray oneRow = manager.ones(new Shape(1, 2), DataType.FLOAT64);
    Dual full = net.forwardTangent(zs, dzs, tau, oneRow);
    Dual last = net.forwardTangent(zs, dzs.get("6:"), tau, oneRow);
    assertEquals(new Shape(n, 3), last.primal().getShape());
    assertEquals(new Shape(n - 6, 3), last.tangent().getShape());
    assertTrue(full.primal().sub(last.primal()).abs().max().getDouble() == 0, "same primal");
    double scale = full.tangent().abs().max().getDouble();
    assertTrue(scale > 0);
    assertTrue(full.tangent().get("6:").sub(last.tangent()).abs().max().getDouble() < 1e-12 * scale,
        "same tangent on the rows it covers");
  }

  @Test
  void noGradientFlowsThroughTheTangent() {
    NetSpec spec = NetSpec.of(ModelConfig.defaults(SigmaTransform.LOG), 2, 5);
    List<NDArray> params = Initializer.initial(spec, manager, DataType.FLOAT32, 3, 1.0);
    params.forEach(p -> p.setRequiresGradient(true));
    MeanFlowNet net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
    NDArray zs = random(4, 7).toType(DataType.FLOAT32, false);
    NDArray tau = manager.ones(new Shape(4, 2)).mul(0.5f);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Dual d = net.forwardTangent(zs, zs, tau, manager.ones(new Shape(4, 2)));
      // a loss that depends on the primal only through a zero factor: every gradient must come out 0 when the
      // tangent is a stop-gradient quantity, and the primal must still reach the graph (no error in backward)
      gc.backward(d.tangent().square().sum().add(d.primal().sum().mul(0f)));
    }
    for (NDArray p : params) {
      assertTrue(p.getGradient().abs().max().getFloat() == 0f, "gradient leaked through the tangent");
    }
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(net.forward(zs, tau).square().sum());
    }
    assertTrue(params.get(0).getGradient().abs().max().getFloat() > 0f, "the primal carries gradients");
  }
}
