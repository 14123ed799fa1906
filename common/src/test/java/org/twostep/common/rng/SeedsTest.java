package org.twostep.common.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void derivationIsPureAndSensitiveToEveryCoordinateAndItsOrder() {
    assertEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 2, 3));
    assertNotEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 3, 2));
    assertNotEquals(Seeds.derive(1, 2, 3), Seeds.derive(2, 2, 3));
    assertNotEquals(Seeds.derive(1, 2), Seeds.derive(1, 2, 0));
    assertEquals(Seeds.coordinate(0.0), Seeds.coordinate(-0.0));
    assertEquals(Seeds.stream(5, 6).nextLong(), Seeds.stream(5, 6).nextLong());
  }

  @Test
  void neighbouringTasksGetDistinctSeeds() {
    Set<Long> seen = new HashSet<>();
    for (int sigma = 0; sigma < 100; sigma++) {
      for (int replica = 0; replica < 100; replica++) {
        seen.add(Seeds.derive(42, Seeds.coordinate("noise"), Seeds.coordinate(sigma * 20.0), replica));
      }
    }
    assertEquals(10_000, seen.size());
  }
}
