package org.redflag.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FuzzTriesTest {
  @Test
  void noOrBlankFactorLeavesTriesAlone() {
    assertThat(FuzzTries.factor(null)).isEqualTo(1);
    assertThat(FuzzTries.factor(" ")).isEqualTo(1);
  }

  @Test
  void readsAPositiveFactor() {
    assertThat(FuzzTries.factor("1")).isEqualTo(1);
    assertThat(FuzzTries.factor(" 250 ")).isEqualTo(250);
  }

  @Test
  void rejectsAnythingElseNamingTheProperty() {
    for (String bad : new String[] {"0", "-3", "ten", "2.5", "99999999999"}) {
      assertThatThrownBy(() -> FuzzTries.factor(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("redflag.fuzz.factor")
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
