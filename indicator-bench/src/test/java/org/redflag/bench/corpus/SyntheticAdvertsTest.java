package org.redflag.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;

class SyntheticAdvertsTest {
  @ParameterizedTest
  @EnumSource(SyntheticAdverts.Size.class)
  void sameSeedSameAdverts(SyntheticAdverts.Size size) {
    assertThat(SyntheticAdverts.generate(7, 8, size)).isEqualTo(SyntheticAdverts.generate(7, 8, size));
    assertThat(SyntheticAdverts.generate(7, 8, size)).isNotEqualTo(SyntheticAdverts.generate(8, 8, size));
  }

  @ParameterizedTest
  @EnumSource(SyntheticAdverts.Size.class)
  void advertsAreAboutTheirSize(SyntheticAdverts.Size size) {
    List<Advert> corpus = SyntheticAdverts.corpus(size);
    assertThat(corpus).hasSize(SyntheticAdverts.count(size));
    assertThat(Integer.bitCount(corpus.size())).as("a power of two").isEqualTo(1);
    double mean = corpus.stream().mapToInt(a -> SyntheticAdverts.utf8Length(a.text())).average().orElseThrow();
    assertThat(mean).isBetween(size.targetBytes() * 0.75, size.targetBytes() * 1.1);
    for (Advert a : corpus) assertThat(SyntheticAdverts.utf8Length(a.text())).isLessThanOrEqualTo(size.targetBytes() * 11 / 10 + 1);
    assertThat(corpus.stream().map(Advert::id).distinct().count()).isEqualTo(corpus.size());
    // a corpus the CPU cannot learn: almost every text occurs once (8,067 of 8,192 at 200B)
    assertThat(corpus.stream().map(Advert::text).distinct().count()).isGreaterThanOrEqualTo(corpus.size() * 97L / 100);
  }

  @Test
  void corpusMixesCategoriesAndIndicatorWording() {
    List<Advert> corpus = SyntheticAdverts.corpus(SyntheticAdverts.Size.MEDIUM);
    assertThat(corpus.stream().map(a -> a.category().orElseThrow()).distinct().count()).isGreaterThanOrEqualTo(3);
    assertThat(corpus.stream().filter(a -> a.text().contains("manager") || a.text().contains("24/7")).count())
        .isGreaterThan(corpus.size() / 4);
  }

  @Test
  void unknownSizeIsNamed() {
    assertThatThrownBy(() -> SyntheticAdverts.Size.of("2MB")).hasMessageContaining("'2MB'");
  }
}
