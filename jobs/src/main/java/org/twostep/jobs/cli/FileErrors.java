package org.twostep.jobs.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a failure to read a table file (a corrupted or foreign Parquet file, given on the command line or found
 * in a run's tables) in whatever Spark or Parquet wrapped it in, and says in one line which file and what is wrong.
 * Spark's exceptions are Scala's (checked, undeclared), so callers see them as anything; only the messages and the
 * exception class names are stable enough to recognise.
 */
final class FileErrors {
  /** A file in a message: a URI, or an absolute path of a Parquet part file. */
  private static final Pattern FILE = Pattern.compile("(file:/[^\\s,'\"\\]]+|hdfs://[^\\s,'\"\\]]+|/[^\\s,'\"\\]]+\\.parquet)");
  private static final String[] SIGNS = {"is not a Parquet file", "Checksum error", "CANNOT_READ_FILE_FOOTER", "FAILED_READ_FILE",
      "Could not read footer", "can not read class org.apache.parquet", "Parquet column cannot be converted",
      "PARQUET_COLUMN_DATA_TYPE_MISMATCH", "ParquetDecodingException", "expected magic number"};

  private FileErrors() {}

  /** One line naming the file and the innermost reason, or null when {@code e} is not a file that cannot be read. */
  static String explain(Throwable e) {
    String file = null;
    String reason = null;
    String deepest = null;
    boolean matched = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (matched && !m.isBlank()) {
        deepest = firstLine(m); // a cause below the recognised one (an EOF, a bad page) says what is wrong
      }
      boolean sign = t.getClass().getName().startsWith("org.apache.parquet.")
          || t.getClass().getName().equals("org.apache.hadoop.fs.ChecksumException");
      for (String s : SIGNS) {
        sign |= m.toLowerCase(java.util.Locale.ROOT).contains(s.toLowerCase(java.util.Locale.ROOT));
      }
      if (!sign) {
        continue;
      }
      matched = true;
      Matcher f = FILE.matcher(m);
      if (f.find()) {
        file = f.group(1).replaceAll("[.]$", "");
      }
      reason = firstLine(m); // the innermost recognised cause says most precisely what is wrong
    }
    if (!matched) {
      return null;
    }
    if (deepest != null) {
      reason = deepest;
    }
    String where = file == null ? "a table file" : file.replaceFirst("^file:(//)?", "");
    String why = reason == null ? "" : FILE.matcher(reason).replaceAll("").replaceAll("\\[[A-Z_.]+\\]\\s*", "")
        .replaceAll("\\s*SQLSTATE: \\w+\\.?", "").replaceAll("\\s*:\\s*(?=at |$)", " ").strip();
    why = why.isEmpty() ? "unreadable" : why;
    why = why.replaceFirst("^is not", "not").replaceAll("\\s+", " ");
    return where + ": " + (why.startsWith("not ") ? why : "not a readable Parquet file (" + why + ")")
        + "; delete or replace it";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
