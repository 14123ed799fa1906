package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a terminal, one line per 10 % and none twice; with --quiet, nothing. */
class ProgressDisplayTest {

  private static List<String> lines(ProgressDisplay.Mode mode, int first, int total) {
    StringWriter text = new StringWriter();
    try (ProgressDisplay p = new ProgressDisplay("train meanflow", "steps", mode, new PrintWriter(text))) {
      p.started(first, total);
      for (int k = first; k < total; k++) {
        p.step(k, 1.0 / (k + 1));
        if (k == total / 2) {
          p.validated(k, 0.25, 0.125);
        }
      }
    }
    return text.toString().lines().toList();
  }

  @Test
  void linesComeOnePerTenPercent() {
    List<String> lines = lines(ProgressDisplay.Mode.LINES, 0, 250);
    assertEquals(10, lines.size(), lines.toString());
    for (int i = 0; i < 10; i++) {
      assertTrue(lines.get(i).startsWith("train meanflow: " + 10 * (i + 1) + "% (" + 25 * (i + 1) + "/250 steps, "),
          lines.get(i));
    }
    assertTrue(lines.get(9).endsWith("loss 0.004000, best validation W2^2 0.1250)"), lines.get(9));
    assertTrue(lines.get(0).endsWith("loss 0.04000)"), "no validation yet: " + lines.get(0));
  }

  @Test
  void aResumedRunPrintsOnlyThePercentsItCrosses() {
    List<String> lines = lines(ProgressDisplay.Mode.LINES, 180, 200); // resumed at 90 %
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("train meanflow: 100% (200/200 steps"), lines.get(0));
  }

  @Test
  void quietPrintsNothing() {
    assertEquals(List.of(), lines(ProgressDisplay.Mode.QUIET, 0, 250));
  }

  @Test
  void theEtaReadsAsAClock() {
    assertEquals("1:05", ProgressDisplay.clock(65));
    assertEquals("2:00:00", ProgressDisplay.clock(7200));
  }
}
