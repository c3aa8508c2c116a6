package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redflag.pack.PackSet.ResolvedEntry;

class TagGlobsTest {
  /** The oracle: the glob as a regular expression (test only; the scan never runs one over tags). */
  private static boolean regex(String glob, String tag) {
    String[] parts = glob.split("\\*", -1);
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) re.append(".*");
      re.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(tag).matches();
  }

  private static String random(Random r, String alphabet, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return sb.toString();
  }

  @Test
  void aGlobMatchesExactlyWhenItsRegexTranslationDoes() {
    Random r = new Random(22);
    int matched = 0;
    for (int i = 0; i < 50_000; i++) {
      String glob = random(r, "ab-:**", 7);
      String tag = random(r, "ab-:", 9);
      boolean expected = regex(glob, tag);
      assertThat(TagGlobs.matches(glob, tag)).as("glob '%s', tag '%s'", glob, tag).isEqualTo(expected);
      if (expected) matched++;
    }
    // both answers are well represented, so the comparison tests something either way
    assertThat(matched).isBetween(2_000, 48_000);
  }

  @Test
  void normaliseFoldsSeparatorRunsAndDropsThemAtColonsAndEnds() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String tag = random(r, "aB _-:", 10);
      // the oracle: one dash per run of separators, none beside a colon or at either end
      String expected = tag.toLowerCase(java.util.Locale.ROOT).replaceAll("[ _-]+", "-").replaceAll("-*:-*", ":")
          .replaceAll("^-|-$", "");
      assertThat(TagGlobs.normalise(tag)).as("tag '%s'", tag).isEqualTo(expected);
    }
  }

  @Test
  void anEntrysGlobsAreNormalisedWhenCompiled() {
    IndicatorPack pack = PackLoaderTest.load("{\"id\":\"g\",\"version\":\"1\",\"language\":\"und\",\"entries\":["
        + "{\"id\":\"text\",\"indicator\":\"x.y\",\"source\":\"test\",\"patterns\":[\"word\"]},"
        + "{\"id\":\"king\",\"indicator\":\"x.y\",\"source\":\"test\",\"tags\":[\"Tattoo : *_King\", \"TATTOO:crown\"]}]}");
    TagGlobs globs = new TagGlobs(PackSet.of(List.of(pack)).entries().toArray(new ResolvedEntry[0]));
    assertThat(globs.count()).isEqualTo(1); // the entry without tags has no globs
    assertThat(globs.entry(0)).isEqualTo(1);
    assertThat(globs.anyMatches(0, TagGlobs.normalise("tattoo: the king"))).isTrue();
    assertThat(globs.anyMatches(0, "tattoo:crown")).isTrue();
    assertThat(globs.anyMatches(0, "tattoo:kingdom")).isFalse();
    assertThat(globs.anyMatches(0, "tattoo:the-king-of")).isFalse();
  }
}
