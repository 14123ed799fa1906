package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** speedup.csv round-trips, and its tables show the ratios of the measured times. */
class SpeedupTableTest {
  static final SpeedupTable.Row ROW = new SpeedupTable.Row(200, false, "histogram_w2", 2000,
      new SpeedupTable.Simulated(2000, 2.4, 0.02), 0.004, 0.5, 0.012, 0.8, 0.05, 0.04,
      new SpeedupTable.Simulated(150, 0.011, 0.09), new SpeedupTable.Simulated(1800, 0.79, Double.NaN));

  @Test
  void csvRoundTripsAndTheSpeedupIsSimulateOverSample() {
    String csv = SpeedupTable.csv(List.of(ROW));
    assertEquals(List.of(ROW), SpeedupTable.parse(csv));
    assertEquals(200.0, ROW.speedupDp(), 1e-9);
    assertEquals(3.0, ROW.speedupDpLoad(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> SpeedupTable.parse("sigma,w2\n1,2\n"));
  }

  @Test
  void markdownShowsTimesRatiosAndTheEqualTimeAccuracy() {
    String md = SpeedupTable.markdown(List.of(ROW));
    assertTrue(md.contains("| 200 * | 2000 | 2.40 | 0.0040 | 0.50 | 0.0120 | 0.80 | 600x | 200x | 3.0x |"), md);
    assertTrue(md.contains("| 200 * | 0.02000 | 0.05000 | 0.04000 | 150 | 0.0110 | 0.09000 | 1800 | 0.79 | blow-up |"), md);
    String section = SpeedupTable.section(List.of(ROW), "runs/s1");
    assertTrue(section.startsWith("## Speedup over simulating") && section.contains(
        "`deploy/local/twostep bench speedup --run runs/s1`") && section.contains(md), section);
    assertTrue(SpeedupTable.section(null, "runs/s1").contains("Not measured yet"));
  }
}
