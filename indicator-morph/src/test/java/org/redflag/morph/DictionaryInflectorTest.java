package org.redflag.morph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DictionaryInflectorTest {
  private final DictionaryInflector inflector = new DictionaryInflector();

  /**
   * Oracle: the tagger dictionary (form to lemma), a different file from the synthesiser dictionary
   * the forms come from, must give the lemma back for every generated form. German nouns are
   * capitalised in the dictionary, so forms and lemma are compared as written and capitalised
   * ({@code ~schreiben} also gives the verbal noun's {@code Schreibens}).
   */
  @ParameterizedTest
  @CsvSource({
      "ru, менеджер, менеджера менеджеру менеджером менеджере менеджеры менеджеров менеджерам менеджерами менеджерах",
      "ru, водитель, водителя водителю водителем водителе водители водителей водителям водителями водителях",
      "ru, агентство, агентства агентству агентством агентстве агентств агентствам агентствами агентствах",
      "ru, писать, пишите пишу пишет писал",
      "de, fahrer, fahrers fahrern",
      "de, manager, managers managern",
      "de, agentur, agenturen",
      "de, schreiben, schreib schreibt schrieb geschrieben"})
  void everyFormIsOfTheLemmaAndTheKnownFormsAreThere(String language, String lemma, String known) {
    Set<String> forms = inflector.forms(language, lemma);
    assertThat(forms).contains(lemma);
    assertThat(forms).contains(known.split(" "));
    for (String form : forms) {
      Set<String> lemmas = new java.util.HashSet<>(inflector.lemmas(language, form));
      lemmas.addAll(inflector.lemmas(language, capitalise(form)));
      assertThat(lemmas).as("lemmas of %s", form).containsAnyOf(lemma, capitalise(lemma));
    }
  }

  @Test
  void aVerbsAspectPartnerIsAnotherLemma() {
    // напишите is a form of написать (perfective), not of писать: a pack names both when it means both
    assertThat(inflector.forms("ru", "писать")).doesNotContain("напишите");
    assertThat(inflector.forms("ru", "написать")).contains("напишите");
  }

  @Test
  void nounsHaveABoundedParadigm() {
    // 6 cases x 2 numbers in Russian, 4 x 2 in German, each with few variants
    assertThat(inflector.forms("ru", "менеджер")).hasSizeBetween(10, 24);
    assertThat(inflector.forms("de", "fahrer")).hasSizeBetween(3, 16);
  }

  @Test
  void aWordThatIsNoLemmaHasNoForms() {
    assertThat(inflector.forms("ru", "менеджеру")).isEmpty();
    assertThat(inflector.forms("ru", "qwertz")).isEmpty();
    assertThat(inflector.forms("de", "xqzzyv")).isEmpty();
  }

  @Test
  void findsTheImplementationThroughServiceLoader() {
    assertThat(java.util.ServiceLoader.load(org.redflag.pack.Inflector.class).stream()
        .<Class<?>>map(p -> p.type()).toList()).contains(DictionaryInflector.class);
  }

  private static String capitalise(String w) {
    return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }
}
