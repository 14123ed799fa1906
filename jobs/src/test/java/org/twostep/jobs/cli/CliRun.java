package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the launcher in-process, as the tests' user would from a shell, and keeps what it printed. */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    CommandLine cli = Twostep.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun of(List<String> args) {
    return of(args.toArray(String[]::new));
  }
}
