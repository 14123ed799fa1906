package org.twostep.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.twostep.common.config.ConfigLoader;

/** The training seed: repeats of training on the same simulated data get their own seeds and model hashes. */
class ModelsTest {
  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigLoader.defaults()).resolve();
  }

  @Test
  void trainingSeedFallsBackToTheExperimentSeed() {
    assertEquals(7, Models.trainingSeed(with("experiment.seed = 7")));
    assertEquals(3, Models.trainingSeed(with("experiment.seed = 7, training.seed = 3")));
  }

  @Test
  void aSetTrainingSeedChangesEveryModelHashAndAnUnsetOneKeepsIt() {
    Config base = with("experiment.seed = 7");
    Config zero = with("experiment.seed = 7, training.seed = 0");
    Config two = with("experiment.seed = 7, training.seed = 2");
    Config three = with("experiment.seed = 7, training.seed = 3");
    for (String m : new String[] {Models.MEANFLOW, Models.MEANFLOW_DP, Models.IMM}) {
      assertEquals(Models.hash(base, m), Models.hash(zero, m), m);
      assertNotEquals(Models.hash(base, m), Models.hash(two, m), m);
      assertNotEquals(Models.hash(two, m), Models.hash(three, m), m);
    }
  }

  @Test
  void aTrendFrameEntersTheHashesOnlyWhenOnAndIsRefusedOnATorus() {
    Config base = with("experiment.seed = 7");
    Config none = with("experiment.seed = 7, frame.kind = none, frame.scale = linear");
    Config trend = with("experiment.seed = 7, frame.kind = trend");
    Config linear = with("experiment.seed = 7, frame.kind = trend, frame.scale = linear");
    Config covariance = with("experiment.seed = 7, frame.kind = covariance");
    for (String m : new String[] {Models.MEANFLOW, Models.MEANFLOW_DP}) {
      assertNotEquals(Models.hash(trend, m), Models.hash(covariance, m), m);
      assertNotEquals(Models.hash(covariance, m),
          Models.hash(with("experiment.seed = 7, frame.kind = covariance, frame.extrapolate = linear"), m), m);
      assertEquals(Models.hash(base, m), Models.hash(none, m), m + ": models trained before the frame keep their hash");
      assertNotEquals(Models.hash(base, m), Models.hash(trend, m), m);
      assertNotEquals(Models.hash(trend, m), Models.hash(linear, m), m);
    }
    Config torus = with("experiment.system = kpp, frame.kind = trend");
    org.twostep.common.error.InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.twostep.common.error.InvalidConfigException.class, () -> Models.frame(torus));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("frame.kind"), e.getMessage());
  }

  @Test
  void theFlowMatchingWarmUpEntersTheHashesOnlyWhenSet() {
    Config base = with("experiment.seed = 7");
    String before = Models.hash(base.withoutPath("meanflow.flow_matching_warmup"), Models.MEANFLOW);
    assertEquals(before, Models.hash(base, Models.MEANFLOW), "models trained before the key keep their hash");
    assertEquals(before, Models.hash(with("experiment.seed = 7, meanflow.flow_matching_warmup = 0.0"),
        Models.MEANFLOW), "0.0 is the unset 0");
    assertNotEquals(before, Models.hash(with("experiment.seed = 7, meanflow.flow_matching_warmup = 0.3"),
        Models.MEANFLOW));
  }

  /**
   * dp.allow_unconverged decides whether a run may go on, not what it trains: it leaves every corrector hash as it was
   * before the key existed, while a key that changes training (dp.beta) does not.
   */
  @Test
  void allowingUnconvergedSolvesKeepsTheCorrectorHash() {
    Config base = with("experiment.seed = 7");
    String before = Models.hash(base.withoutPath("dp.allow_unconverged"), Models.MEANFLOW_DP);
    assertEquals(before, Models.hash(base, Models.MEANFLOW_DP));
    assertEquals(before, Models.hash(with("experiment.seed = 7, dp.allow_unconverged = true"), Models.MEANFLOW_DP));
    assertNotEquals(before, Models.hash(with("experiment.seed = 7, dp.beta = 0.5"), Models.MEANFLOW_DP));
  }

  /** dp.trust_width is a sampling setting: every model keeps its hash, the corrector's clouds carry the width. */
  @Test
  void theTrustWidthChangesTheCorrectorsCloudsNotTheModels() {
    Config base = with("experiment.seed = 7");
    Config trusted = with("experiment.seed = 7, dp.trust_width = 2");
    for (String m : new String[] {Models.MEANFLOW, Models.MEANFLOW_DP, Models.IMM}) {
      assertEquals(Models.hash(base, m), Models.hash(trusted, m), m);
    }
    assertEquals(Models.generationHash(base, Models.MEANFLOW, 1), Models.generationHash(trusted, Models.MEANFLOW, 1));
    assertEquals(Models.hash(base, Models.MEANFLOW_DP) + "-s1-crn", Models.generationHash(base, Models.MEANFLOW_DP, 1),
        "clouds of the full correction: the model's hash, one network evaluation, MeanFlow's draw");
    assertNotEquals(Models.generationHash(base, Models.MEANFLOW_DP, 1),
        Models.generationHash(trusted, Models.MEANFLOW_DP, 1));
  }

  /**
   * The vector engine samples to float rounding, not bit for bit: its clouds and what is measured on them carry it;
   * the models, IMM's clouds and every hash made before the key do not.
   */
  @Test
  void theVectorEngineChangesTheCloudsOfMeanFlowAndTheCorrectorNotTheModels() {
    Config base = with("experiment.seed = 7");
    Config vector = with("experiment.seed = 7, sampling.engine = vector");
    for (String m : new String[] {Models.MEANFLOW, Models.MEANFLOW_DP, Models.IMM}) {
      assertEquals(Models.hash(base, m), Models.hash(vector, m), m);
    }
    assertEquals(Models.hash(base, Models.MEANFLOW) + "-s1", Models.generationHash(base, Models.MEANFLOW, 1),
        "torch keeps the hash clouds had before the key");
    assertEquals(Models.generationHash(base, Models.MEANFLOW, 2) + "-vector",
        Models.generationHash(vector, Models.MEANFLOW, 2));
    assertEquals(Models.generationHash(base, Models.MEANFLOW_DP, 1) + "-vector",
        Models.generationHash(vector, Models.MEANFLOW_DP, 1));
    assertEquals(Models.generationHash(base, Models.IMM, 1), Models.generationHash(vector, Models.IMM, 1),
        "IMM always samples through PyTorch");
    assertEquals(org.twostep.jobs.spark.EvaluateJob.configHash(with("experiment.seed = 7, sampling.engine = torch")),
        org.twostep.jobs.spark.EvaluateJob.configHash(base.withoutPath("sampling")),
        "metrics measured before the key keep their hash");
    assertNotEquals(org.twostep.jobs.spark.EvaluateJob.configHash(base),
        org.twostep.jobs.spark.EvaluateJob.configHash(vector));
  }
}
