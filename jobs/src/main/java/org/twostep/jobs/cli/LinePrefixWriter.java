package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Writes whole lines, each opened by a tag, to a shared writer: the runs of one pipeline print side by side and each
 * line says whose it is. A line goes out in one call once its newline arrives, so lines never mix.
 */
final class LinePrefixWriter extends Writer {
  private final String prefix;
  private final PrintWriter target;
  private final StringBuilder line = new StringBuilder();

  LinePrefixWriter(String prefix, PrintWriter target) {
    this.prefix = prefix;
    this.target = target;
  }

  @Override
  public synchronized void write(char[] cbuf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      char c = cbuf[i];
      if (c == '\n') {
        target.print(prefix + line + "\n");
        target.flush();
        line.setLength(0);
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  @Override
  public synchronized void flush() {
    target.flush();
  }

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      target.print(prefix + line + "\n");
      line.setLength(0);
    }
    target.flush();
  }
}
