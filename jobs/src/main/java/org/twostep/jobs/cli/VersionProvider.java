package org.twostep.jobs.cli;

import org.twostep.common.provenance.CodeVersion;
import picocli.CommandLine;

/** picocli's --version: the release, the commit the build was made from, the Java running it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String release = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"twostep " + (release == null ? "" : release + " ") + "(commit " + CodeVersion.get() + ")",
        "Java " + System.getProperty("java.version")};
  }
}
