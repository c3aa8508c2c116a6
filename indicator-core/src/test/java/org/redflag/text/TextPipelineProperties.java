package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.redflag.advert.Advert;
import org.redflag.pack.CompiledLexicon;
import org.redflag.pack.LexiconMatch;
import org.redflag.pack.LexiconTestAccess;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;

/** Offset-map round trips, obfuscation invariance and linear work, over generated text. */
class TextPipelineProperties {
  private static final TextPipeline PIPELINE = TextPipeline.defaults();
  private static final List<String> PHRASES = List.of("new in town", "available", "text my manager", "no days off",
      "sweet young girl", "outcall");
  private static final CompiledLexicon LEXICON = lexicon();

  private static CompiledLexicon lexicon() {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < PHRASES.size(); i++) {
      if (i > 0) entries.append(',');
      entries.append("{\"id\": \"e").append(i).append("\", \"indicator\": \"x.y\", \"source\": \"test\", \"patterns\": [\"")
          .append(PHRASES.get(i)).append("\"]}");
    }
    String json = "{\"id\": \"p\", \"version\": \"1\", \"language\": \"en\", "
        + "\"negation\": {\"cues\": [\"no\", \"not\"], \"window\": 2}, \"entries\": [" + entries + "]}";
    return CompiledLexicon.compile(PackSet.of(List.of(PackLoader.load("p.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))), PIPELINE);
  }

  private static List<LexiconMatch> scan(String text) {
    return LEXICON.scan(Advert.builder("a", text).build(), PIPELINE.analyze(text), null, null);
  }

  @Property(tries = 300)
  void offsetsAlwaysMapIntoTheOriginal(@ForAll("anyText") String s) {
    AnalyzedText t = PIPELINE.analyze(s);
    int prevStart = 0;
    for (int i = 0; i < t.length(); i++) {
      int start = t.originalStart(i);
      int end = t.originalEnd(i + 1);
      assertThat(start).isBetween(prevStart, s.length() - 1);
      assertThat(end).isBetween(start + 1, s.length());
      assertThat(isCodePointBoundary(s, start) && isCodePointBoundary(s, end)).isTrue();
      prevStart = start;
    }
  }

  private static boolean isCodePointBoundary(String s, int i) {
    return i == 0 || i == s.length() || !(Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i)));
  }

  @Property(tries = 300)
  void evidenceIsTheExactSurfaceAndObfuscationNeverLosesAMatch(@ForAll("phraseIndex") int phrase,
      @ForAll("noise") String before, @ForAll("noise") String after, @ForAll("obfuscation") Obfuscation how) {
    String plainText = before + " , " + PHRASES.get(phrase) + " , " + after;
    Set<String> plainEntries = scan(plainText).stream().map(m -> m.entry().id()).collect(Collectors.toSet());
    assertThat(plainEntries).contains("e" + phrase);
    String surface = how.apply(PHRASES.get(phrase));
    String text = before + " , " + surface + " , " + after;
    List<LexiconMatch> found = scan(text);
    for (LexiconMatch m : found) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.match());
    Map<String, List<String>> byEntry = found.stream().collect(Collectors.groupingBy(m -> m.entry().id(),
        Collectors.mapping(LexiconMatch::match, Collectors.toList())));
    assertThat(byEntry.keySet()).containsAll(plainEntries);
    assertThat(byEntry.get("e" + phrase)).contains(surface);
  }

  @Property(tries = 50)
  void workIsLinearInTextLength(@ForAll("noise") String chunk, @ForAll @IntRange(min = 0, max = 5) int phrase) {
    String one = chunk + " " + PHRASES.get(phrase) + " aaaa aaab ";
    String eight = one.repeat(8);
    var automaton = LexiconTestAccess.automaton(LEXICON);
    long w1 = automaton.scan(PIPELINE.analyze(one), (i, s, e) -> { });
    long w8 = automaton.scan(PIPELINE.analyze(eight), (i, s, e) -> { });
    // the dense scan's chains warm up once per block: a bounded extra per 4,096 chars, still linear
    long blocks = (PIPELINE.analyze(eight).length() + 4095) / 4096;
    assertThat(w8).isLessThanOrEqualTo(8 * w1 + 8 + blocks * automaton.maxWarmUpPerBlock());
    assertThat(PIPELINE.analyze(eight).length()).isLessThanOrEqualTo(8 * PIPELINE.analyze(one).length() + 8);
  }

  /** One combination of the obfuscations adverts use. */
  record Obfuscation(boolean upper, boolean zeroWidth, char spaceOut, boolean confusables, boolean leet) {
    String apply(String phrase) {
      String s = phrase;
      if (upper) s = s.toUpperCase(java.util.Locale.ROOT);
      if (leet) s = s.replace("o", "0").replace("e", "3").replace("O", "0").replace("E", "3");
      if (confusables) {
        s = s.replace('o', '\u043E').replace('e', '\u0435').replace('a', '\u0430').replace('i', '\u0456')
            .replace('O', '\u041E').replace('A', '\u0410');
      }
      if (spaceOut != 0) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == ' ') continue;
          if (sb.length() > 0) sb.append(spaceOut);
          sb.append(c);
        }
        s = sb.toString();
      }
      if (zeroWidth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
          if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i))) sb.append('\u200B');
          sb.append(s.charAt(i));
        }
        s = sb.toString();
      }
      return s;
    }
  }

  @Provide
  Arbitrary<Obfuscation> obfuscation() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
        Arbitraries.of((char) 0, ' ', '.', '-', '\n'), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(Obfuscation::new);
  }

  @Provide
  Arbitrary<Integer> phraseIndex() { return Arbitraries.integers().between(0, PHRASES.size() - 1); }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("abcdefxyz 019.,!?-\u200B\u00E9")
        .withChars("\uD83D\uDE00\uD83C\uDF52")
        .ofMaxLength(60)
        .map(s -> fixSurrogates(s));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withChars("ab .\u0301\u200B\uFE0F\u20E31\uD83D\uDC4B\uD83C\uDFFD\u200D\uD83D\uDC69\u2764")
            .ofMaxLength(80));
  }

  /** Keeps emoji surrogates paired in the noise so the phrase boundaries are predictable. */
  private static String fixSurrogates(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\uD83D') sb.append("\uD83D\uDE00");
      else if (c == '\uD83C') sb.append("\uD83C\uDF52");
      else if (!Character.isSurrogate(c)) sb.append(c);
    }
    return sb.toString();
  }
}
