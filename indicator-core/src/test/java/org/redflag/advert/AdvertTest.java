package org.redflag.advert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertTest {

  @Test
  void builderKeepsEveryField() {
    Advert a = Advert.builder("ad-1", "text").title("t").category(" escort ").market("metro-a").language("en-GB")
        .tag("tattoo:crown").price(Price.of("80", "usd", 30)).build();
    assertThat(a.id()).isEqualTo("ad-1");
    assertThat(a.category()).contains("escort");
    assertThat(a.language()).contains("en-GB");
    assertThat(a.tags()).containsExactly("tattoo:crown");
    assertThat(a.prices().get(0).currency()).isEqualTo("USD");
    assertThat(a.toBuilder().build()).isEqualTo(a);
  }

  @Test
  void listsAreImmutable() {
    Advert a = Advert.builder("ad-1", "").tag("photo:hotel-room").build();
    List<String> tags = a.tags();
    assertThatThrownBy(() -> tags.add("x:y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(() -> Advert.builder(null, "x")).hasMessageContaining("'id' is required");
    assertThatThrownBy(() -> Advert.builder(" ", "x")).hasMessageContaining("'id' must not be blank");
    assertThatThrownBy(() -> Advert.builder("a", null)).hasMessageContaining("'text' is required");
    assertThatThrownBy(() -> Advert.builder("a", "x").tag("nocolon")).hasMessageContaining("'tags'")
        .hasMessageContaining("namespace:value");
    assertThatThrownBy(() -> Advert.builder("a", "x").language("not a tag")).hasMessageContaining("'language'");
    assertThatThrownBy(() -> Price.of("-5", "USD", 60)).hasMessageContaining("amount must be positive");
    assertThatThrownBy(() -> Price.of("5", "DOLLARS", 60)).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> Price.of("5", "USD", 0)).hasMessageContaining("minutes must be positive");
  }

  @Test
  void toStringNeverShowsText() {
    Advert a = Advert.builder("ad-9", "private words").build();
    assertThat(a.toString()).doesNotContain("private").contains("ad-9");
  }
}
