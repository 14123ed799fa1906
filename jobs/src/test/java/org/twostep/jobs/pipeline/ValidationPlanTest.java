package org.twostep.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidConfigException;

/** Which sigma a validation trains on and scores, and the overrides that say so. */
class ValidationPlanTest {
  static final double[] GRID = {20, 40, 80, 160};

  @Test
  void topHoldsOutTheLargestAndScoresTheWholeTrainingGrid() {
    ValidationPlan p = ValidationPlan.of(GRID, ValidationPlan.Holdout.TOP);
    assertArrayEquals(new double[] {20, 40, 80}, p.train());
    assertArrayEquals(GRID, p.scored());
    assertTrue(p.isHeldOut(160));
    assertFalse(p.isHeldOut(80));
    assertEquals(List.of("experiment.seed=1007", "training.seed=2", "sigma.train=[20.0, 40.0, 80.0]",
        "sigma.test=[20.0, 40.0, 80.0, 160.0]", "pipeline.models=[meanflow, meanflow_dp]"), p.overrides(7, 1000, 2));
  }

  @Test
  void bottomHoldsOutTheSmallest() {
    ValidationPlan p = ValidationPlan.of(GRID, ValidationPlan.Holdout.of("bottom"));
    assertArrayEquals(new double[] {40, 80, 160}, p.train());
    assertTrue(p.isHeldOut(20) && !p.isHeldOut(160));
  }

  @Test
  void bothHoldsOutEachEnd() {
    ValidationPlan p = ValidationPlan.of(GRID, ValidationPlan.Holdout.BOTH);
    assertArrayEquals(new double[] {40, 80}, p.train());
    assertTrue(p.isHeldOut(20) && p.isHeldOut(160));
  }

  @Test
  void aCountHoldsOutThatManyAtEachChosenEnd() {
    double[] grid = {20, 40, 80, 160, 320, 640};
    ValidationPlan bottom = ValidationPlan.of(grid, ValidationPlan.Holdout.BOTTOM, 2);
    assertArrayEquals(new double[] {80, 160, 320, 640}, bottom.train());
    assertArrayEquals(new double[] {20, 40}, bottom.heldOut());
    ValidationPlan both = ValidationPlan.of(grid, ValidationPlan.Holdout.BOTH, 2);
    assertArrayEquals(new double[] {80, 160}, both.train());
    assertArrayEquals(new double[] {20, 40, 320, 640}, both.heldOut());
    assertEquals(ValidationPlan.of(grid, ValidationPlan.Holdout.TOP), ValidationPlan.of(grid, ValidationPlan.Holdout.TOP, 1));
    assertThrows(InvalidConfigException.class, () -> ValidationPlan.of(grid, ValidationPlan.Holdout.BOTH, 3));
    assertThrows(InvalidConfigException.class, () -> ValidationPlan.of(grid, ValidationPlan.Holdout.TOP, 0));
  }

  @Test
  void tooShortAGridOrAnUnknownHoldoutIsBadInput() {
    assertThrows(InvalidConfigException.class, () -> ValidationPlan.of(new double[] {20, 40}, ValidationPlan.Holdout.TOP));
    assertThrows(InvalidConfigException.class, () -> ValidationPlan.of(new double[] {20, 40, 80},
        ValidationPlan.Holdout.BOTH));
    assertThrows(InvalidConfigException.class, () -> ValidationPlan.Holdout.of("middle"));
  }

  @Test
  void variantNamesAreStableAndTellOverridesApart() {
    assertEquals("baseline", ValidationPlan.variantName(List.of()));
    assertEquals(ValidationPlan.variantName(List.of("dp.beta=0")), ValidationPlan.variantName(List.of("dp.beta=0")));
    assertNotEquals(ValidationPlan.variantName(List.of("dp.beta=0")), ValidationPlan.variantName(List.of("dp.beta=1")));
  }
}
