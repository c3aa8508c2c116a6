package org.redflag.bench.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.pack.PackSet;
import org.redflag.text.TextPipeline;

/** The four matchers of MatchingPeersBenchmark must count the same thing, or the benchmark compares nothing. */
class PeerAgreementTest {
  private static final TextPipeline PIPELINE = TextPipeline.defaults();
  private static List<String> phrases;
  private static RedflagPhraseMatcher redflag;
  private static RegexPhraseMatcher regex;
  private static AhoCorasickPhraseMatcher aho;
  private static HyperscanPhraseMatcher hyperscan;

  @BeforeAll
  static void build() {
    phrases = PackPhrases.of(PackSet.defaults(), PIPELINE);
    redflag = new RedflagPhraseMatcher(phrases, PIPELINE);
    regex = new RegexPhraseMatcher(phrases);
    aho = new AhoCorasickPhraseMatcher(phrases);
    if (hyperscanPlatform()) hyperscan = new HyperscanPhraseMatcher(phrases);
  }

  @AfterAll
  static void close() { if (hyperscan != null) hyperscan.close(); }

  // the benchmark ships the linux-x86_64 native library only
  private static boolean hyperscanPlatform() {
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
  }

  @ParameterizedTest
  @EnumSource(SyntheticAdverts.Size.class)
  void allFourCountTheSameStartsOnTheCorpus(SyntheticAdverts.Size size) {
    assumeTrue(hyperscanPlatform(), "hyperscan native library is linux-x86_64 only");
    int total = 0;
    for (Advert a : SyntheticAdverts.generate(SyntheticAdverts.DEFAULT_SEED, 12, size)) {
      String norm = PIPELINE.analyze(a.text()).normalized();
      int expected = redflag.countStarts(a.text());
      assertThat(regex.countStarts(norm)).as("javaRegex on %s", a.id()).isEqualTo(expected);
      assertThat(aho.countStarts(norm)).as("orgAhocorasick on %s", a.id()).isEqualTo(expected);
      assertThat(hyperscan.countStarts(norm)).as("hyperscan on %s", a.id()).isEqualTo(expected);
      // the automata also agree on every overlapping (phrase, offset) occurrence, not just on starts
      int occurrences = redflag.countOccurrences(a.text());
      assertThat(aho.countOccurrences(norm)).as("orgAhocorasick occurrences on %s", a.id()).isEqualTo(occurrences);
      assertThat(hyperscan.countOccurrences(norm)).as("hyperscan occurrences on %s", a.id()).isEqualTo(occurrences);
      total += expected;
    }
    // the corpus must exercise the matchers, or agreement on zero would prove nothing
    assertThat(total).isGreaterThan(12);
  }

  private static List<String> normalised(String... phrases) {
    return java.util.Arrays.stream(phrases).map(p -> PIPELINE.analyze(p).normalized().strip()).toList();
  }

  @Test
  void countsOverlappingPhrasesOncePerStartOffset() {
    List<String> p = normalised("new in town", "in town", "town", "no days off", "days");
    RedflagPhraseMatcher rf = new RedflagPhraseMatcher(p, PIPELINE);
    String text = "new in town, no days off";
    String norm = PIPELINE.analyze(text).normalized();
    // one start each for "new in town", "in town", "town", "no days off" and "days"
    assertThat(rf.countStarts(text)).isEqualTo(5);
    assertThat(new RegexPhraseMatcher(p).countStarts(norm)).isEqualTo(5);
    assertThat(new AhoCorasickPhraseMatcher(p).countStarts(norm)).isEqualTo(5);
    assertThat(rf.countOccurrences(text)).isEqualTo(5);
    // two phrases at one start count once as a start, twice as occurrences
    List<String> nested = normalised("agency", "agen");
    String twice = PIPELINE.analyze("agency, agency").normalized();
    assertThat(new RedflagPhraseMatcher(nested, PIPELINE).countStarts("agency")).isEqualTo(1);
    assertThat(new RedflagPhraseMatcher(nested, PIPELINE).countOccurrences("agency")).isEqualTo(2);
    assertThat(new RegexPhraseMatcher(nested).countStarts(twice)).isEqualTo(2);
    if (hyperscanPlatform()) {
      try (HyperscanPhraseMatcher hs = new HyperscanPhraseMatcher(nested)) {
        assertThat(hs.countStarts(twice)).isEqualTo(2);
        assertThat(hs.countOccurrences(twice)).isEqualTo(4);
      }
    }
  }

  @Test
  void phrasesAreTheNormalisedExpansionsOfTheDefaultPacks() {
    assertThat(phrases).isNotEmpty().doesNotHaveDuplicates();
    for (String p : phrases) assertThat(PIPELINE.analyze(p).normalized().strip()).isEqualTo(p);
    // literal pattern entries of the shipped packs come through as their normalised form
    assertThat(phrases).containsAll(normalised("real deal", "24/7", "no"));
    for (int i = 1; i < phrases.size(); i++) assertThat(phrases.get(i - 1).length()).isGreaterThanOrEqualTo(phrases.get(i).length());
  }

  @Test
  void hyperscanLiteralEscapesPunctuation() {
    assertThat(HyperscanPhraseMatcher.literal("24/7 a.b")).isEqualTo("24\\x2f7\\x20a\\x2eb");
    assertThat(HyperscanPhraseMatcher.literal("🍒x")).isEqualTo("🍒x");
  }
}
