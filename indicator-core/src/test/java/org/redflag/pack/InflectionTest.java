package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redflag.match.LexiconPattern;

class InflectionTest {
  /** A hand-written paradigm table in place of the dictionaries of {@code indicator-morph}. */
  private static final Inflector TABLE = new Inflector() {
    private final Map<String, Set<String>> forms = Map.of(
        "boss", Set.of("boss", "bosses", "bossy"),
        "driver", Set.of("driver", "drivers"),
        "big", Set.of(),
        "many", Set.of("many", "m1", "m(", "mu"));

    @Override public Set<String> languages() { return Set.of("qaa"); }

    @Override public Set<String> forms(String language, String word) { return forms.getOrDefault(word, Set.of()); }
  };

  private static Inflection inflection() { return new Inflection(List.of(TABLE), "qaa-AT"); }

  @Test
  void everyCombinationOfFormsBecomesOneLiteralPhraseAndGapsAndGroupsSurvive() {
    List<String> out = inflection().expand(List.of("(call|text) my ~boss {gap:2} ~driver", "plain (a|b)"));
    Set<String> expected = new HashSet<>();
    for (String verb : List.of("call", "text")) {
      for (String boss : List.of("boss", "bosses", "bossy")) {
        for (String driver : List.of("driver", "drivers")) expected.add(verb + " my " + boss + " {gap:2} " + driver);
      }
    }
    // the pattern without a marker is kept as written
    expected.add("plain (a|b)");
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    for (String p : out) assertThat(LexiconPattern.parse(p)).hasSize(p.startsWith("plain") ? 2 : 1);
  }

  @Test
  void formsThatAreNotPatternWordsAreLeftOut() {
    assertThat(inflection().expand(List.of("~many"))).containsExactlyInAnyOrder("many", "mu");
  }

  @Test
  void withoutAnInflectorForTheLanguageTheMarkedWordStandsAsWritten() {
    Inflection none = new Inflection(List.of(TABLE), "de");
    assertThat(none.active()).isFalse();
    assertThat(none.expand(List.of("my ~boss"))).containsExactly("my boss");
  }

  @Test
  void anUnknownLemmaOrAMisplacedMarkerIsAnErrorNamingThePattern() {
    assertThatThrownBy(() -> inflection().expand(List.of("boss", "~nobody")))
        .isInstanceOfSatisfying(Inflection.InflectionException.class, e -> assertThat(e.pattern).isEqualTo(1))
        .hasMessageContaining("'nobody' is not a lemma");
    assertThatThrownBy(() -> inflection().expand(List.of("~big"))).hasMessageContaining("'big' is not a lemma");
    assertThatThrownBy(() -> inflection().expand(List.of("my~boss"))).hasMessageContaining("'~' must start a word");
    assertThatThrownBy(() -> inflection().expand(List.of("~ boss"))).hasMessageContaining("followed by a word");
    assertThatThrownBy(() -> inflection().expand(List.of("~b0ss"))).hasMessageContaining("followed by a word");
  }

  @Test
  void theEntryBoundCountsThePhrasesOfEveryInflectedPattern() {
    Inflector wide = new Inflector() {
      @Override public Set<String> languages() { return Set.of("qaa"); }

      @Override public Set<String> forms(String language, String word) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < 32; i++) s.add(word + "x".repeat(i));
        return s;
      }
    };
    Inflection in = new Inflection(List.of(wide), "qaa");
    assertThat(in.expand(List.of("~a ~b"))).hasSize(32 * 32);      // exactly the bound
    assertThat(in.expand(List.of("~a ~b", "c (d|e)"))).hasSize(32 * 32 + 1);   // plain patterns have their own bound
    assertThatThrownBy(() -> in.expand(List.of("~a ~b", "c ~d")))   // 32 more phrases
        .isInstanceOfSatisfying(Inflection.InflectionException.class, e -> assertThat(e.pattern).isEqualTo(1))
        .hasMessageContaining("more than " + Inflection.MAX_ENTRY_PHRASES);
    assertThatThrownBy(() -> in.expand(List.of("~a ~b ~c"))).hasMessageContaining("more than");
  }
}
