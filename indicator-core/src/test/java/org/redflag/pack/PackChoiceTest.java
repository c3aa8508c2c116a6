package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackChoiceTest {
  private static IndicatorPack base(String id, String language) {
    return PackLoaderTest.load("{\"id\":\"" + id + "\",\"version\":\"1\",\"language\":\"" + language + "\",\"entries\":["
        + "{\"id\":\"" + id + ".e\",\"indicator\":\"x.y\",\"source\":\"test\",\"patterns\":[\"word\"]}]}");
  }

  private static IndicatorPack overlay(String id, String language, String of) {
    return PackLoaderTest.load("{\"id\":\"" + id + "\",\"version\":\"1\",\"language\":\"" + language + "\",\"overlays\":\""
        + of + "\",\"entries\":[]}");
  }

  // an English, a German and a neutral base; an overlay declared neutral over the English pack and
  // one declared English over the neutral pack: an overlay goes with its base, whatever it declares
  private static final List<IndicatorPack> PACKS = List.of(base("b-en", "en-GB"), base("b-de", "de"), base("n", "und"),
      overlay("o-en", "und", "b-en"), overlay("o-n", "en", "n"));
  private static final PackChoice CHOICE = new PackChoice(PackSet.of(PACKS).packs());

  private static List<String> applied(String language) {
    return CHOICE.applied(language).stream().map(PackRef::id).toList();
  }

  @Test
  void theLanguagesPacksAndTheNeutralOnesTakePartInPackOrder() {
    assertThat(applied("en")).containsExactly("b-en", "n", "o-en", "o-n");
    assertThat(applied("EN-us")).containsExactly("b-en", "n", "o-en", "o-n");
    assertThat(applied("de-AT")).containsExactly("b-de", "n", "o-n");
    assertThat(applied("fr")).containsExactly("n", "o-n");
    assertThat(applied(null)).containsExactly("b-en", "b-de", "n", "o-en", "o-n");
  }

  @Test
  void applicableIsByEachBasePacksOwnLanguage() {
    // indices of the base packs: 0 b-en, 1 b-de, 2 n (entries are scoped to base packs)
    assertThat(CHOICE.applicable("en-US")).startsWith(true, false, true);
    assertThat(CHOICE.applicable("DE")).startsWith(false, true, true);
    assertThat(CHOICE.applicable("fr")).startsWith(false, false, true);
    assertThat(CHOICE.applicable(null)).containsOnly(true).hasSize(PACKS.size());
  }

  @Test
  void primaryLanguageIsTheLowerCaseFirstSubtag() {
    assertThat(PackChoice.primaryLanguage("en-GB")).isEqualTo("en");
    assertThat(PackChoice.primaryLanguage("DE")).isEqualTo("de");
    assertThat(PackChoice.primaryLanguage("zh-Hant-TW")).isEqualTo("zh");
  }
}
