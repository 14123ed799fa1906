package org.twostep.jobs.cli;

import picocli.CommandLine;

/** The code version stamped on every output: the jar's implementation version, or "dev" from classes. */
public final class CodeVersion {
  private CodeVersion() {}

  public static String get() {
    String v = CodeVersion.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  /** picocli's --version. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"twostep " + get(), "Java " + System.getProperty("java.version")};
    }
  }
}
