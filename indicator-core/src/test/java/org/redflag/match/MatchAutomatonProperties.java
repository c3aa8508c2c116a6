package org.redflag.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/** The dense and the sparse automaton both report exactly what a brute-force search finds. */
class MatchAutomatonProperties {
  private static final TextPipeline RAW = TextPipeline.builder().leetspeak(false).joinLetters(false).build();

  @Property(tries = 200)
  void denseAndSparseAgreeWithBruteForce(@ForAll("patterns") List<String> patterns, @ForAll("text") String text) {
    AnalyzedText t = RAW.analyze(text);
    String n = t.normalized();
    List<String> expected = new ArrayList<>();
    for (int end = 1; end <= n.length(); end++) {
      for (int p = 0; p < patterns.size(); p++) {
        String pat = patterns.get(p);
        if (end >= pat.length() && n.startsWith(pat, end - pat.length())) expected.add(p + "@" + (end - pat.length()));
      }
    }
    for (long limit : new long[] {MatchAutomaton.DENSE_LIMIT, 0}) {
      MatchAutomaton.Builder b = MatchAutomaton.builder().denseLimit(limit);
      for (String p : patterns) b.add(p, Boundary.NONE);
      MatchAutomaton a = b.build();
      assertThat(a.isDense()).isEqualTo(limit > 0);
      List<String> got = new ArrayList<>();
      a.scan(t, (id, s, e) -> got.add(id + "@" + s));
      assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> text() { return Arbitraries.strings().withChars("abcd").ofMaxLength(60); }
}
