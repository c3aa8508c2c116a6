package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import org.junit.jupiter.api.Test;

/** The fast greedy tagger against OpenNLP's own {@code POSTaggerME} over the same (greedy) model. */
class GreedyPosTaggerTest {
  /** Hand-written advert-like lines, English and German, with the usual advert noise. */
  static final List<String> EN = List.of(
      "Hi gentlemen, I am Mia, 22 years old and new in town!",
      "She is a sweet girl from Riga, call her now for a relaxing massage.",
      "NEW NEW NEW!!! Hot Asian girl, 100% real photos, no rush.",
      "Outcall only, $150/hr, 24/7, discreet place near the station.",
      "Text me on WhatsApp: +44 7700 900123 or e-mail mia@example.org",
      "I'm waiting for u 😘 don't be shy, the the best service",
      "A. B. C. is not a name, Ä. neither; 3.5 hours, 1,000 roses, 10-12 pm, 12/05",
      "they will pick you up and bring you to her, with and for the of",
      "VIP escort agency ~ over 50 models ~ fly me to you",
      "Она новая в городе, звоните сейчас",
      "東京 ひらがな カタカナ ー〜・ mixed",
      "x y z 1 22 333 4444 55555 ab1 1a2b #hashtag @mention");
  static final List<String> DE = List.of(
      "Sie ist neu in der Stadt und sehr zärtlich.",
      "Ruf an und buche sie jetzt, alle ihre Fotos sind echt!",
      "Rufen Sie mich an, ich freue mich auf Ihren Besuch 💋",
      "NEU: Massage 30 Min. 60 €, Hausbesuche möglich, 24/7.",
      "Die der das mit und und für zum .",
      "Ich bin Anna, 25 Jahre alt, aus Ö. und spreche Deutsch und Englisch.");

  static String[] tokens(String line) {
    NlpFeatureExtractor.Tokens t = NlpFeatureExtractor.Tokens.scan(line);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) if (t.kind[i] != 2) out.add(line.substring(t.start[i], t.end[i]));
    return out.toArray(new String[0]);
  }

  static void assertSameTags(String lang, List<String> lines) {
    GreedyPosTagger fast = NlpModels.fastPosTagger(lang);
    POSTaggerME reference = NlpModels.posTagger(lang);
    assertThat(fast).as("fast path available for %s", lang).isNotNull();
    List<String> all = new ArrayList<>(lines);
    all.add(String.join(" ", lines)); // long sentence: windows across the former line breaks
    for (String line : all) {
      String[] tokens = tokens(line);
      String[] expected = reference.tag(tokens);
      int[] tags = fast.tag(tokens);
      String[] actual = new String[tags.length];
      for (int i = 0; i < tags.length; i++) actual[i] = fast.tagName(tags[i]);
      assertThat(actual).as(line).containsExactly(expected);
    }
  }

  @Test
  void englishTagsEqualOpenNlp() { assertSameTags("en", EN); }

  @Test
  void germanTagsEqualOpenNlp() { assertSameTags("de", DE); }

  @Test
  void tokenCacheCollisionsAndRepeatsGiveTheSameTags() {
    // "Aa" and "BB" (and "AaAa", "BBBB"…) have equal String hashes: they share a cache slot, inside one
    // sentence too. Tagging twice runs once on resolved and once on remembered tokens.
    List<String> lines = List.of("Aa BB Aa BB the Aa", "AaAa BBBB AaBB BBAa call me Aa", "I am BB , Aa is my friend");
    for (int round = 0; round < 2; round++) assertSameTags("en", lines);
    GreedyPosTagger fast = NlpModels.fastPosTagger("en");
    String[] many = new String[3 * GreedyPosTagger.TOKEN_CACHE];
    for (int i = 0; i < many.length; i++) many[i] = "w" + i;
    fast.tag(many); // evicts everything
    assertSameTags("en", EN);
  }

  @Test
  void noFastPathForOtherLanguages() {
    assertThat(NlpModels.fastPosTagger("ru")).isNull();
    assertThat(NlpModels.fastPosTagger("und")).isNull();
  }

  @Test
  void tokenClassEqualsOpenNlp() {
    List<String> tokens = new ArrayList<>(List.of("", "a", "A", "Ab", "AB", "aB", "A.", "Ä.", "É.", "a.", "AB.", "12",
        "1234", "123", "1,5", "1.5", "1/2", "1-2", "a1", "1a", "$", "€", "-", ".", "ß", "Straße", "ÄRGER", "ǅ", "ʰ",
        "она", "ОНА", "東京", "ひらがな", "カタカナ", "ー", "〜", "・", "カー", "ー〜", "😀", "١٢", "x\u0301", "İ"));
    for (String line : EN) tokens.addAll(List.of(tokens(line)));
    for (String line : DE) tokens.addAll(List.of(tokens(line)));
    for (String token : tokens) {
      assertThat(GreedyPosTagger.tokenClass(token)).as(token).isEqualTo(FeatureGeneratorUtil.tokenFeature(token));
    }
  }

  @Test
  void lowerCaseEqualsOpenNlp() {
    for (String s : List.of("abc", "ABC", "İstanbul", "ΣΟΦΙΑΣ", "Straße", "😀A", "ÄÖÜ")) {
      assertThat(GreedyPosTagger.lowerCase(s)).isEqualTo(opennlp.tools.util.StringUtil.toLowerCase(s));
    }
  }

  @Test
  void irregularPairsByIndexMatchTheNamedTable() {
    GreedyPosTagger fast = NlpModels.fastPosTagger("en");
    assertThat(fast.isIrregular(fast.tagIndex("DET"), fast.tagIndex("DET"))).isTrue();
    assertThat(fast.isIrregular(fast.tagIndex("DET"), fast.tagIndex("NOUN"))).isFalse();
    int count = 0;
    for (int a = 0; a < fast.numTags(); a++) {
      for (int b = 0; b < fast.numTags(); b++) if (fast.isIrregular(a, b)) count++;
    }
    assertThat(count).isEqualTo(NlpFeatureExtractor.IRREGULAR_BIGRAMS.size());
  }
}
