package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackSet;
import org.redflag.risk.LogisticRiskModel;

/**
 * CHANGELOG.md names the current versions: the first section's versions line has the library
 * version of the root pom, the format version of the schemas' $id, every shipped pack at its version
 * and the default prior at its version. A version bump without a changelog entry fails here.
 */
class ChangelogTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theFirstSectionNamesEveryCurrentVersion() throws IOException {
    String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"));
    assertThat(changelog).startsWith("# Changelog").contains("keepachangelog.com");
    Matcher section = Pattern.compile("\n## \\[[^\\]]+\\][^\n]*\n\n(Library [^\n]+(?:\n[^\n]+)*)").matcher(changelog);
    assertThat(section.find()).as("a versions line under the first section").isTrue();
    String versions = section.group(1).replace('\n', ' ');

    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher v = Pattern.compile("<artifactId>redflag-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(v.find()).isTrue();
    assertThat(versions).contains("Library " + v.group(1));
    assertThat(versions).contains("format " + schemaVersion());
    for (IndicatorPack p : PackSet.defaults().packs()) assertThat(versions).contains(p.id() + " " + p.version());
    LogisticRiskModel prior = LogisticRiskModel.defaultPrior();
    assertThat(versions).contains(prior.id() + " " + prior.version(), LogisticRiskModel.FORMAT);
  }

  static String schemaVersion() throws IOException {
    try (Stream<Path> s = Files.list(Schemas.DIR)) {
      String id = Schemas.read(s.filter(p -> p.toString().endsWith(".schema.json")).findFirst().orElseThrow()).path("$id").asText();
      return id.substring(id.lastIndexOf(':') + 1);
    }
  }
}
