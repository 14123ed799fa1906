package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The one line of an unreadable table file, from the exception chains Spark and Parquet build (as Spark 4 words them). */
class FileErrorsTest {

  @Test
  void aFileThatIsNotParquetIsNamedWithTheReason() {
    Exception e = new Exception("Exception thrown in awaitResult: ", new Exception(
        "[FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER] Encountered error while reading file file:/tmp/g.parquet. Could not "
            + "read footer.\nIf not, please convert it. SQLSTATE: KD001",
        new RuntimeException("file:/tmp/g.parquet is not a Parquet file. Expected magic number at tail, but found [1, 2]")));
    assertEquals("/tmp/g.parquet: not a Parquet file. Expected magic number at tail, but found [1, 2]; delete or "
        + "replace it", FileErrors.explain(e));
  }

  @Test
  void aCorruptedPartFileIsNamedWithTheInnermostCause() {
    Exception e = new Exception("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file "
        + "file:///tmp/run/metrics/experiment=ks/sigma_index=0/part-0.snappy.parquet.  SQLSTATE: KD001",
        new IOException("Checksum error: file:/tmp/run/metrics/experiment=ks/sigma_index=0/part-0.snappy.parquet at "
            + "2048 exp: 1 got: 2"));
    assertEquals("/tmp/run/metrics/experiment=ks/sigma_index=0/part-0.snappy.parquet: not a readable Parquet file "
        + "(Checksum error at 2048 exp: 1 got: 2); delete or replace it", FileErrors.explain(e));
  }

  @Test
  void anythingElseIsNotAFileError() {
    assertNull(FileErrors.explain(new IllegalStateException("a bug", new IOException("disk full"))));
    assertNull(FileErrors.explain(new RuntimeException((String) null)));
  }
}
