package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReaderAddressTest {
  static boolean informal(String text) {
    char[] chars = text.toCharArray();
    return ReaderAddress.informal(chars, Tokens.scan(chars, chars.length, new Tokens(4)));
  }

  @Test
  void everyFormOfDuToTheReaderIsInformalAddress() {
    for (String w : new String[] {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"}) {
      assertThat(informal("Ich freue mich auf " + w + ".")).as(w).isTrue();
      assertThat(informal(Character.toUpperCase(w.charAt(0)) + w.substring(1) + " bist willkommen")).as(w).isTrue();
      assertThat(informal(w.toUpperCase())).as(w).isTrue();
    }
  }

  @Test
  void formalAddressAndWordsThatOnlyStartLikeDuAreNot() {
    assertThat(informal("Rufen Sie mich an, ich freue mich auf Ihren Besuch.")).isFalse();
    assertThat(informal("Dusche, Duft, Düsseldorf, dienstags, d, deinetwegen")).isFalse();
    assertThat(informal("")).isFalse();
  }

  @Test
  void duInsideAQuoteIsStillAddress() {
    assertThat(informal("„Komm zu dir“")).isTrue();
  }

  @Test
  void sieWithAPluralVerbIsTheyOnlyWhereTheAdvertSaysDu() {
    assertThat(ReaderAddress.sieIsThey(true, "kommen")).isTrue();
    assertThat(ReaderAddress.sieIsThey(true, "sind")).isTrue();
    assertThat(ReaderAddress.sieIsThey(false, "kommen")).isFalse(); // formal "you" or "they": undecided
    assertThat(ReaderAddress.sieIsThey(true, "Kommen")).isFalse(); // a noun or a new sentence, not a verb
    assertThat(ReaderAddress.sieIsThey(true, "ist")).isFalse(); // singular: "she", decided elsewhere
    assertThat(ReaderAddress.sieIsThey(true, "en")).isFalse();
    assertThat(ReaderAddress.sieIsThey(true, null)).isFalse();
  }
}
