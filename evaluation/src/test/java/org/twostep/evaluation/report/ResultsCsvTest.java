package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's tables read back as they were written; a foreign file is refused with the reason. */
class ResultsCsvTest {

  @Test
  void w2AndEigenvaluesRoundTrip() {
    List<SeedAggregate.W2Mean> w2 = List.of(
        new SeedAggregate.W2Mean("ks", 0, 20.0, true, "meanflow", "histogram_w2", 3, 0.0104, 0.0014, 0.1018, 0.007,
            0.021, 0.002),
        new SeedAggregate.W2Mean("ks", 9, 200.0, false, "noise_floor", "histogram_w2", 1, 0.008, Double.NaN, 0.09,
            Double.NaN, Double.NaN, Double.NaN));
    assertEquals(w2, ResultsCsv.readW2(ResultsCsv.w2(w2)));
    SeedAggregate.W2Mean old = ResultsCsv.readW2("experiment,sigma_index,sigma,in_training_range,model,metric,seeds,"
        + "w2sq,w2sq_std,w2,w2_std\nks,0,20.0,true,meanflow,histogram_w2,3,0.0104,0.0014,0.1018,0.007\n").get(0);
    assertTrue(Double.isNaN(old.particleW2sq()) && old.w2sq() == 0.0104, "a page written before the particle view");
    List<SeedAggregate.EigenMean> eigen = List.of(
        new SeedAggregate.EigenMean("kpp", 0, 0.0441, "cold", 1, 3, 0.2689, 0.0, 0.5277, 0.49),
        new SeedAggregate.EigenMean("kpp", 0, 0.0441, "meanflow_dp", 128, 3, 0.52, 0.003, 0.5277, 0.01));
    assertEquals(eigen, ResultsCsv.readEigenvalues(ResultsCsv.eigenvalues(eigen)));
  }

  @Test
  void aFileWithoutTheColumnsOrWithRaggedRowsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.readW2("a,b\n1,2\n"));
    assertTrue(e.getMessage().contains("no column experiment"), e.getMessage());
    String csv = ResultsCsv.w2(List.of(new SeedAggregate.W2Mean("ks", 0, 20.0, true, "m", "h", 3, 1, 1, 1, 1, 1, 1)));
    e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.readW2(csv + "ks,1\n"));
    assertTrue(e.getMessage().contains("row of 2 cells, expected 13"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResultsCsv.readW2(""));
  }
}
