package org.twostep.common.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidConfigException;

class SigmaGridTest {

  private static SigmaGrid grid(String hocon) {
    return SigmaGrid.from(ConfigFactory.parseString("g = " + hocon), "g");
  }

  @Test
  void generatorsMatchTheSpecGrids() {
    SigmaGrid log = grid("{generator = log, from = 20, to = 160, count = 8}");
    assertEquals(8, log.size());
    assertEquals(20, log.min(), 1e-12);
    assertEquals(160, log.max(), 0.0);
    assertEquals(Math.pow(8, 1.0 / 7), log.get(1) / log.get(0), 1e-12, "constant ratio");
    assertArrayEquals(new double[] {20, 40, 60, 80, 100, 120, 140, 160, 180, 200},
        grid("{generator = linear, from = 20, to = 200, count = 10}").values(), 1e-9);
    SigmaGrid d = grid("{generator = pow2neg, from = 2, to = 4.5, count = 11}");
    assertEquals(Math.pow(2, -4.5), d.min(), 1e-15);
    assertEquals(0.25, d.max(), 1e-15);
    assertEquals(Math.pow(2, -2.25), d.get(9), 1e-15);
  }

  @Test
  void badGridsNameTheKey() {
    assertEquals("g", assertThrows(InvalidConfigException.class, () -> grid("[]")).key());
    assertEquals("g", assertThrows(InvalidConfigException.class, () -> grid("[20, 10]")).key());
    assertEquals("g", assertThrows(InvalidConfigException.class, () -> grid("[10, 10]")).key());
    assertEquals("g[1]", assertThrows(InvalidConfigException.class, () -> grid("[10, -1]")).key());
    assertEquals("g.count", assertThrows(InvalidConfigException.class,
        () -> grid("{generator = log, from = 1, to = 2, count = 0}")).key());
    assertEquals("g.generator", assertThrows(InvalidConfigException.class,
        () -> grid("{generator = cubic, from = 1, to = 2, count = 3}")).key());
    assertEquals("g", assertThrows(InvalidConfigException.class, () -> grid("\"twenty\"")).key());
  }

  @Test
  void catalogueIndexesTheUnionAndKnowsTheTrainingRange() {
    Config c = ConfigFactory.parseString("sigma { train = [20, 50, 160], test = [20, 40, 160, 200] }");
    SigmaCatalogue cat = SigmaCatalogue.from(c);
    assertArrayEquals(new double[] {20, 40, 50, 160, 200}, cat.all());
    assertEquals(2, cat.indexOf(50));
    assertEquals(3, cat.indexOf(160.0000000001));
    assertTrue(cat.inTrainingRange(160));
    assertFalse(cat.inTrainingRange(200));
  }

  @Test
  void trainingGridOutsideTheTestRangeIsRejected() {
    Config c = ConfigFactory.parseString("sigma { train = [10, 50], test = [20, 40, 200] }");
    assertEquals("sigma.train", assertThrows(InvalidConfigException.class, () -> SigmaCatalogue.from(c)).key());
  }
}
