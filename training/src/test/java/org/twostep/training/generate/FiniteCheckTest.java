package org.twostep.training.generate;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twostep.common.error.NonFiniteException;

/** A generated cloud with NaN or infinity is stopped where it is made, naming experiment, model and sigma. */
class FiniteCheckTest {

  @Test
  void aFiniteCloudPassesUnchanged() {
    float[][] cloud = {{0f, 1f, -2f}, {3f, Float.MAX_VALUE, -Float.MIN_VALUE}};
    assertSame(cloud, FiniteCheck.generated(cloud, "ks-laminar-3d", "meanflow", 20.0));
  }

  @Test
  void nanOrInfinityNamesWhereItCameFrom() {
    float[][] cloud = {{0f, 1f, Float.POSITIVE_INFINITY}, {3f, Float.NaN, 2f}};
    NonFiniteException e = assertThrows(NonFiniteException.class,
        () -> FiniteCheck.generated(cloud, "kpp-cellular-2d", "imm", 0.125));
    String m = e.getMessage();
    assertTrue(m.contains("kpp-cellular-2d") && m.contains("imm") && m.contains("sigma 0.125"), m);
    assertTrue(m.contains("2 generated coordinate(s)") && m.contains("particle 1, axis 1"), m);
  }
}
