package org.redflag.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackEntry;
import org.redflag.pack.PackLoadException;
import org.redflag.pack.PackLoader;

/** Packs with {@code ~word} load with the dictionaries installed and fire on inflected adverts. */
class InflectedPackEngineTest {
  private static final IndicatorPack RU = PackLoader.loadResource("packs/inflect-ru.json");
  private static final IndicatorPack DE = PackLoader.loadResource("packs/inflect-de.json");
  private static final RiskEngine ENGINE = RiskEngine.builder().withoutDefaultPacks().addPack(RU).addPack(DE).build();

  /** Each advert: the entry that must fire, on which words; the literal entry beside it must not. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ru | Записывайтесь через моего менеджера. | t.ru.manager | менеджера",
      "ru | Пишите моему менеджеру заранее. | t.ru.manager | менеджеру",
      "ru | Пишите моему менеджеру заранее. | t.ru.write | Пишите моему менеджеру",
      "ru | Встречу организует у моего нового менеджера. | t.ru.through-my | у моего нового менеджера",
      "ru | Отвезём к водителю, оплата водителем. | t.ru.driver | водителю",
      "ru | Работаю от агентства. | t.ru.agency | агентства",
      "de | Termine über die Agenturen. | t.de.agency | Agenturen",
      "de | Treffen nur mit unseren Fahrern. | t.de.driver | Fahrern",
      "de | Die Nummer des Managers steht unten. | t.de.manager | Managers",
      "de | Schreib meinem Manager für Termine. | t.de.write | Schreib meinem Manager",
      "de | Schreibt ihrem Manager vorher. | t.de.write | Schreibt ihrem Manager"})
  void inflectedFormsFireThroughTheEngine(String language, String text, String entry, String words) {
    Assessment a = ENGINE.assess(Advert.builder("ad-1", text).language(language).build());
    List<Evidence> ofEntry = a.evidence().stream().filter(e -> entry.equals(e.entry())).toList();
    assertThat(ofEntry).extracting(Evidence::match).contains(words);
    Set<String> entries = a.evidence().stream().map(Evidence::entry).collect(Collectors.toSet());
    assertThat(entries).doesNotContain("t.ru.manager-literal", "t.de.driver-literal");
  }

  @Test
  void theLemmaItselfStillFiresAndBothSpellingsOfTheLiteralEntryAgree() {
    Assessment a = ENGINE.assess(Advert.builder("ad-2", "Мой менеджер ответит.").language("ru").build());
    assertThat(a.evidence()).extracting(Evidence::entry).contains("t.ru.manager", "t.ru.manager-literal");
  }

  @Test
  void anInflectedExclusionCancelsTheMatch() {
    Assessment a = ENGINE.assess(Advert.builder("ad-3", "Buchung über Reise-Agenturen.").language("de").build());
    assertThat(a.evidence()).extracting(Evidence::entry).doesNotContain("t.de.agency");
  }

  @Test
  void loadedPatternsAreLiteralPhrasesWithoutMarkers() {
    PackEntry write = RU.entries().stream().filter(e -> e.id().equals("t.ru.write")).findFirst().orElseThrow();
    // 12 forms of мой times 10 of менеджер, all literal
    assertThat(write.patterns()).hasSize(12 * 10).contains("пишите моему менеджеру")
        .allSatisfy(p -> assertThat(p).doesNotContain("~", "(", "|"));
    PackEntry through = RU.entries().stream().filter(e -> e.id().equals("t.ru.through-my")).findFirst().orElseThrow();
    assertThat(through.patterns()).contains("через моего {gap:1} менеджера", "у моих {gap:1} менеджеров")
        .doesNotContain("у нашего {gap:1} менеджеров");
  }

  @Test
  void anEntryThatExpandsBeyondTheBoundIsALoadErrorNamingIt() {
    assertThatThrownBy(() -> PackLoader.loadResource("packs/inflect-too-many.json"))
        .isInstanceOf(PackLoadException.class)
        .hasMessageContaining("$.entries[1].patterns[0]")
        .hasMessageContaining("t.ru.too-many")
        .hasMessageContaining("1024");
  }

  @Test
  void aWordThatIsNotALemmaIsALoadErrorNamingTheEntry() {
    String pack = """
        {"id": "bad", "version": "1", "language": "ru", "entries": [
          {"id": "t.bad", "indicator": "control.third-party", "patterns": ["~менеджеру"], "source": "test"}]}""";
    assertThatThrownBy(() -> PackLoader.load("bad.json", new java.io.ByteArrayInputStream(
        pack.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isInstanceOf(PackLoadException.class)
        .hasMessageContaining("t.bad")
        .hasMessageContaining("'менеджеру' is not a lemma");
  }
}
