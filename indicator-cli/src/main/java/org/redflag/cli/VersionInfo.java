package org.redflag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.redflag.engine.RiskEngine;
import org.redflag.io.FormatVersion;
import picocli.CommandLine;

/**
 * {@code redflag --version}: the project version and the git revision it was built from (when the
 * build saw a git checkout), the format version of docs/schema, and the default model and packs
 * this build scores with. The version and revision come from version.properties, which the build
 * filters (git-commit-id-maven-plugin gives the revision).
 */
final class VersionInfo implements CommandLine.IVersionProvider {
  static final String RESOURCE = "/org/redflag/cli/version.properties";

  @Override
  public String[] getVersion() {
    Properties p = properties();
    String version = known(p.getProperty("version"));
    String revision = known(p.getProperty("revision"));
    boolean dirty = "true".equals(known(p.getProperty("dirty")));
    RiskEngine engine = RiskEngine.withDefaults();
    return new String[] {
        "redflag " + (version == null ? "(version unknown: not built by Maven)" : version)
            + (revision == null ? "" : " (git " + revision + (dirty ? ", uncommitted changes" : "") + ")"),
        "format " + FormatVersion.VERSION + " (docs/schema)",
        "model " + engine.model().label(),
        "packs " + String.join(", ", engine.packs().labels())};
  }

  static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // an unreadable resource leaves the version unknown, as in a build that did not filter it
    }
    return p;
  }

  /** Null for a value the build did not fill in (left as a ${...} placeholder) or left empty. */
  private static String known(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? null : v.strip();
  }
}
