package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redflag.io.FormatVersion;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackSet;
import org.redflag.risk.LogisticRiskModel;

/** {@code redflag --version} names the build's version (never "development build"), the format, model and packs. */
class VersionTest {
  @Test
  void namesTheProjectVersionFormatModelAndPacks() throws Exception {
    ScoreCommandTest.Run r = ScoreCommandTest.run("--version");
    assertThat(r.exit()).isZero();
    Matcher v = Pattern.compile("<artifactId>redflag-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("..", "pom.xml")));
    assertThat(v.find()).isTrue();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[0]).matches("redflag " + Pattern.quote(v.group(1)) + "( \\(git [0-9a-f]{7,}(, uncommitted changes)?\\))?");
    assertThat(r.out()).doesNotContain("development build", "${");
    assertThat(lines[1]).isEqualTo("format " + FormatVersion.VERSION + " (docs/schema)");
    LogisticRiskModel prior = LogisticRiskModel.defaultPrior();
    assertThat(lines[2]).isEqualTo("model " + prior.id() + "@" + prior.version());
    for (IndicatorPack p : PackSet.defaults().packs()) assertThat(lines[3]).contains(p.id() + "@" + p.version());
  }
}
