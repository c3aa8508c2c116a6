package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/** Written forms generated at compile time ({@link PhraseVariants}) and repeated letters, through a compiled lexicon. */
class PhraseVariantsTest {
  private static final TextPipeline P = TextPipeline.defaults();

  private static IndicatorPack pack(String... patterns) {
    StringBuilder ps = new StringBuilder();
    for (String p : patterns) ps.append(ps.length() == 0 ? "" : ", ").append('"').append(p).append('"');
    String json = """
        {"id": "t", "version": "1", "language": "en",
         "entries": [{"id": "e", "indicator": "x.y", "source": "test", "patterns": [%s]}]}""".formatted(ps);
    return PackLoader.load("t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> surfaces(IndicatorPack pack, String text) {
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(pack)), P);
    return lex.scan(Advert.builder("a", text).build(), P.analyze(text), null, null).stream().map(LexiconMatch::match).toList();
  }

  @Test
  void spacingAroundSymbolsIsOptional() {
    IndicatorPack p = pack("100% real");
    for (String s : List.of("100% real", "100%real", "100 % real", "100 %real", "100% Real!No drama", "100%REAL")) {
      assertThat(surfaces(p, "Hi " + s)).as(s).hasSize(1);
    }
    assertThat(surfaces(p, "Sweet girl. 100% Real!No drama")).containsExactly("100% Real");
    assertThat(surfaces(p, "1000% real")).isEmpty();
  }

  @Test
  void numbersWithSeparatorsAndSpacedDigits() {
    IndicatorPack p = pack("24/7");
    for (String s : List.of("24/7", "24-7", "24 / 7", "2 4 / 7", "24 - 7", "2 4/7", "24 /7")) {
      assertThat(surfaces(p, "available " + s + " for you")).as(s).containsExactly(s);
    }
    assertThat(surfaces(p, "call 247")).isEmpty();
    assertThat(surfaces(p, "124/75")).isEmpty();
    IndicatorPack q = pack("24 7");
    assertThat(surfaces(q, "open 247")).isEmpty(); // two numbers stay two numbers
    IndicatorPack h = pack("24 hrs", "leaving at 12");
    assertThat(surfaces(h, "open 24hrs")).containsExactly("24hrs");
    assertThat(surfaces(h, "open 24 HRS")).containsExactly("24 HRS");
  }

  @Test
  void elongationOnlyAddsLetters() {
    IndicatorPack p = pack("sexy", "real pics", "booking", "good");
    assertThat(surfaces(p, "sexyy reaaal piccs")).containsExactly("sexyy", "reaaal piccs");
    assertThat(surfaces(p, "boooking goood")).containsExactly("boooking", "goood");
    assertThat(surfaces(p, "boking god")).isEmpty();
    assertThat(surfaces(pack("ass"), "as you like")).isEmpty();
    // spaced-out letters are squeezed too; a letter shared by two words is one marked letter there
    assertThat(surfaces(p, "b o o k i n g")).containsExactly("b o o k i n g");
    assertThat(surfaces(pack("young girl"), "y o u n g g i r l")).containsExactly("y o u n g g i r l");
    assertThat(surfaces(pack("sweet"), "s.w.3.3.t")).containsExactly("s.w.3.3.t");
  }

  @Test
  void gluedAndCamelCaseWords() {
    IndicatorPack p = pack("girl", "boy", "true provider", "new in town");
    assertThat(surfaces(p, "sexyGIRL")).containsExactly("GIRL");
    assertThat(surfaces(p, "sexyBoy")).containsExactly("Boy");
    assertThat(surfaces(p, "TRUEPROVIDER")).containsExactly("TRUEPROVIDER");
    assertThat(surfaces(p, "#newintown #NewInTown")).containsExactly("newintown", "NewInTown");
  }

  /** Independent oracle: a whole-word pattern matches a word iff both have the same letters in runs and each text run is at least min(pattern run, 2) long. */
  @Property(tries = 400)
  void repeatedLettersFollowTheRunRule(@ForAll("word") String pattern, @ForAll("word") String text) {
    boolean expected = runRule(pattern, text);
    assertThat(surfaces(pack(pattern), text).isEmpty()).as(pattern + " / " + text).isEqualTo(!expected);
  }

  /** Every generated form but the written one is what the pipeline makes of some text (itself, marked letters doubled), so each can match. */
  @Property(tries = 300)
  void everyVariantIsAFixedPointOfThePipeline(@ForAll("phrase") String phrase) {
    List<PhraseVariants.Variant> variants = PhraseVariants.of(P.analyze(phrase), P);
    // (the form as written is exempt: no witness writes a boundary inside a run of letters, "no-oo")
    for (PhraseVariants.Variant v : variants.subList(Math.min(1, variants.size()), variants.size())) {
      // the text the variant stands for: each marked letter written twice
      StringBuilder witness = new StringBuilder();
      for (int i = 0; i < v.text().length(); i++) {
        witness.append(v.text().charAt(i));
        if ((v.repeatMask() >>> i & 1) == 1) witness.append(v.text().charAt(i));
      }
      AnalyzedText t = P.analyze(witness.toString());
      assertThat(t.normalized()).as(phrase).isEqualTo(v.text());
      for (int i = 0; i < t.length(); i++) assertThat(t.repeated(i)).isEqualTo((v.repeatMask() >>> i & 1) == 1);
    }
  }

  /** The form as written is always among the variants, first. */
  @Property(tries = 300)
  void theWrittenFormComesFirst(@ForAll("phrase") String phrase) {
    String written = P.analyze(phrase).normalized().strip();
    List<PhraseVariants.Variant> variants = PhraseVariants.of(P.analyze(phrase), P);
    if (written.isEmpty()) {
      assertThat(variants).isEmpty();
    } else {
      assertThat(variants).isNotEmpty();
      assertThat(variants.get(0).text()).isEqualTo(written);
    }
  }

  @Provide
  Arbitrary<String> word() {
    return Arbitraries.strings().withChars("abo").ofMinLength(1).ofMaxLength(7);
  }

  @Provide
  Arbitrary<String> phrase() {
    return Arbitraries.of("24", "7", "/", "-", "%", "100", " ", "real", "hrs", "@", "no", "oo", "#", "x")
        .list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }

  private static boolean runRule(String p, String t) {
    int i = 0;
    int j = 0;
    while (i < p.length() && j < t.length()) {
      char c = p.charAt(i);
      if (t.charAt(j) != c) return false;
      int pi = i;
      while (i < p.length() && p.charAt(i) == c) i++;
      int tj = j;
      while (j < t.length() && t.charAt(j) == c) j++;
      if (j - tj < Math.min(i - pi, 2)) return false;
    }
    return i == p.length() && j == t.length();
  }
}
