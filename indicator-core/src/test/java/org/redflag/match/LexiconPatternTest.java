package org.redflag.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconPatternTest {
  @Test
  void alternativesExpand() {
    assertThat(LexiconPattern.expand("(text|call) my (boss|agent)"))
        .containsExactly("text my boss", "text my agent", "call my boss", "call my agent");
  }

  @Test
  void gapsSplitPhrasesIntoParts() {
    List<LexiconPattern.Phrase> p = LexiconPattern.parse("(ask|text) {gap} my manager {gap:5} now");
    assertThat(p).hasSize(2);
    assertThat(p.get(0).parts()).containsExactly("ask", "my manager", "now");
    assertThat(p.get(0).maxGapWords()).containsExactly(LexiconPattern.DEFAULT_GAP, 5);
    assertThat(LexiconPattern.expand("a {gap} b")).containsExactly("a {gap:3} b");
  }

  @Test
  void badPatternsSayWhere() {
    assertThatThrownBy(() -> LexiconPattern.parse("{gap} b")).hasMessageContaining("words on both sides");
    assertThatThrownBy(() -> LexiconPattern.parse("a {gap}")).hasMessageContaining("words on both sides");
    assertThatThrownBy(() -> LexiconPattern.parse("a {gap:0} b")).hasMessageContaining("from 1 to 8");
    assertThatThrownBy(() -> LexiconPattern.parse("a {gap:9} b")).hasMessageContaining("from 1 to 8");
    assertThatThrownBy(() -> LexiconPattern.parse("a {hole} b")).hasMessageContaining("only {gap}");
    assertThatThrownBy(() -> LexiconPattern.parse("(a|{gap}) b")).hasMessageContaining("inside a group");
    assertThatThrownBy(() -> LexiconPattern.parse("(a|) b")).hasMessageContaining("empty alternative");
    assertThatThrownBy(() -> LexiconPattern.parse("(a|b")).isInstanceOf(PatternSyntaxException.class)
        .satisfies(e -> assertThat(((PatternSyntaxException) e).index()).isZero());
  }
}
