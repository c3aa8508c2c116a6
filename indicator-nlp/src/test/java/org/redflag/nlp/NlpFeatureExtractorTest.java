package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NlpFeatureExtractorTest {
  /** With POS tagging, so that every feature is tested. */
  static final NlpFeatureExtractor EXTRACTOR = new NlpFeatureExtractor(new OpenNlpLanguageDetector(), true);

  static List<String> surface(String text, List<PronounMention> ps, int person, boolean quoted) {
    return ps.stream().filter(p -> p.person() == person && p.quoted() == quoted)
        .map(p -> text.substring(p.start(), p.end())).toList();
  }

  @Test
  void englishThirdPersonAdvert() {
    String text = "She is new in town, 22 years old and very sweet. Call to book her now!\nShe's waiting 💋💋";
    NlpFeatures f = EXTRACTOR.extract(text);
    assertThat(f.detectedLanguage()).isEqualTo("en");
    assertThat(surface(text, f.pronouns(), 3, false)).containsExactly("She", "her", "She");
    assertThat(f.count(1, false)).isZero();
    assertThat(f.sentences()).isEqualTo(3);
    assertThat(f.imperativeSentences()).isEqualTo(1);
    assertThat(f.emoji()).isEqualTo(2);
    assertThat(f.features()).containsEntry("nlp.third-person-share", 1.0).containsEntry("nlp.language.en", 1.0)
        .containsKey("nlp.grammar-irregularity");
    assertThat(f.features().get("nlp.emoji-density")).isEqualTo(2.0 / (f.tokens() + 2));
    assertThat(f.features()).containsEntry("nlp.pronouns.third-singular-share", 1.0);
    assertThat(f.features().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Test
  void englishFirstPersonAdvert() {
    String text = "Hi, I am Anna, 25. I love to meet new people. Call me for a relaxing time. My place is discreet.";
    NlpFeatures f = EXTRACTOR.extract(text);
    assertThat(surface(text, f.pronouns(), 1, false)).containsExactly("I", "I", "me", "My");
    assertThat(f.count(3, false)).isZero();
    assertThat(f.features()).containsEntry("nlp.third-person-share", 0.0);
    assertThat(f.sentences()).isEqualTo(4);
  }

  @Test
  void quotedReviewPronounsAreMarkedQuoted() {
    String text = "I am Mia. \"She was amazing, I loved her\" says a client. Call me.";
    NlpFeatures f = EXTRACTOR.extract(text);
    assertThat(surface(text, f.pronouns(), 3, true)).containsExactly("She", "her");
    assertThat(f.count(3, false)).isZero();
    assertThat(f.count(1, false)).isEqualTo(2);
  }

  @Test
  void germanPronounsFollowCaseAndPosition() {
    String third = "Sie ist neu in der Stadt und sehr zärtlich. Ruf an und buche sie jetzt! Alle ihre Fotos sind echt.";
    NlpFeatures f = EXTRACTOR.extract(third);
    assertThat(f.detectedLanguage()).isEqualTo("de");
    assertThat(surface(third, f.pronouns(), 3, false)).containsExactly("Sie", "sie", "ihre");
    assertThat(f.imperativeSentences()).isEqualTo(1);

    // Capitalised "Sie"/"Ihre" inside a sentence is the formal "you/your": not third person.
    String formal = "Hallo, ich bin Lena. Ich freue mich auf Ihre Nachricht. Rufen Sie mich an.";
    NlpFeatures g = EXTRACTOR.extract(formal, "de");
    assertThat(g.count(3, false)).isZero();
    assertThat(surface(formal, g.pronouns(), 1, false)).containsExactly("ich", "Ich", "mich", "mich");
    assertThat(g.imperativeSentences()).isEqualTo(1);
  }

  @Test
  void germanSieWithAPluralVerbIsTheyOnlyWhereTheAdvertSaysDuToTheReader() {
    // The advert speaks to the reader as "du" (zu dir): "Sie kommen" is "they come", for every gender.
    for (String they : new String[] {"Neue Jungs in Köln. Sie kommen auch zu dir ins Hotel.",
        "Zwei TS-Ladies neu in der Stadt. Sie sprechen kein Deutsch, schreib mir für dich einen Termin."}) {
      NlpFeatures f = EXTRACTOR.extract(they, "de");
      assertThat(f.pronouns().stream().filter(p -> p.person() == 3 && p.plural())
          .map(p -> they.substring(p.start(), p.end())).toList()).as(they).containsExactly("Sie");
    }
    // Without "du", "Sie kommen" may be the formal "you": not counted.
    String formal = "Praxis für Physiotherapie. Sie kommen zu uns oder wir kommen zu Ihnen nach Hause.";
    assertThat(EXTRACTOR.extract(formal, "de").count(3, true)).isZero();
  }

  @Test
  void russianPronounsAndImperatives() {
    String third = "Она новенькая в городе, ей 22 года. Звоните, чтобы встретиться с ней!";
    NlpFeatures f = EXTRACTOR.extract(third);
    assertThat(f.detectedLanguage()).isEqualTo("ru");
    assertThat(surface(third, f.pronouns(), 3, false)).containsExactly("Она", "ей", "ней");
    assertThat(f.imperativeSentences()).isEqualTo(1);
    // No Russian POS model: the grammar proxy is absent rather than guessed.
    assertThat(f.grammarIrregularity()).isEmpty();

    String first = "Привет, я Маша. Я жду тебя, пиши мне!";
    assertThat(surface(first, EXTRACTOR.extract(first, "ru").pronouns(), 1, false)).containsExactly("я", "Я", "мне");
  }

  @Test
  void allCapsTokensAndPluralPronouns() {
    String text = "NEW GIRLS in town. We are waiting, they are ready. Call US now";
    NlpFeatures f = EXTRACTOR.extract(text, "en");
    assertThat(f.allCapsTokens()).isEqualTo(3); // NEW, GIRLS, US
    assertThat(f.count(1, true)).isEqualTo(1); // "We"; all-caps "US" is read as the country, not "us"
    assertThat(f.count(3, true)).isEqualTo(1);
    assertThat(f.features()).containsEntry("nlp.all-caps-share", 3.0 / f.tokens());
  }

  @Test
  void grammarIrregularityIsHigherForBrokenText() {
    double clean = EXTRACTOR.extract("She is a friendly girl from the city. Call the number on the page.", "en")
        .grammarIrregularity().orElseThrow();
    double broken = EXTRACTOR.extract("She is the . Call a the with girl the . For and the very .", "en")
        .grammarIrregularity().orElseThrow();
    assertThat(clean).isLessThan(broken);
    assertThat(broken).isGreaterThan(0.2);
  }

  @Test
  void posTaggingIsOptIn() {
    assertThat(new NlpFeatureExtractor().posTagging()).isFalse();
    assertThat(new NlpFeatureExtractor().extract("She is a friendly girl from the city.", "en").grammarIrregularity()).isEmpty();
  }

  @Test
  void posTaggingCanBeSwitchedOff() {
    NlpFeatureExtractor noPos = new NlpFeatureExtractor(new OpenNlpLanguageDetector(), false);
    NlpFeatures f = noPos.extract("She is a friendly girl from the city.", "en");
    assertThat(f.grammarIrregularity()).isEmpty();
    assertThat(f.features()).doesNotContainKey("nlp.grammar-irregularity");
  }

  @Test
  void emptyAndSymbolOnlyTexts() {
    NlpFeatures empty = EXTRACTOR.extract("");
    assertThat(empty.sentences()).isZero();
    assertThat(empty.tokens()).isZero();
    assertThat(empty.detectedLanguage()).isEqualTo("und");
    NlpFeatures emoji = EXTRACTOR.extract("👩‍❤️‍👨 🇩🇪 👍🏽");
    assertThat(emoji.emoji()).isEqualTo(3); // a ZWJ sequence, a flag and a modified emoji count once each
    assertThat(emoji.tokens()).isZero();
  }

  @Test
  void spansAreUtf16OffsetsAfterSupplementaryCharacters() {
    String text = "💋💋 𝓝𝓮𝔀 girl! 😀 She is here, book her";
    NlpFeatures f = EXTRACTOR.extract(text);
    assertThat(surface(text, f.pronouns(), 3, false)).containsExactly("She", "her");
    assertThat(f.pronouns().get(0).start()).isEqualTo(text.indexOf("She"));
  }

  @Test
  void quotesDoNotSpanLinesAndInchesAreNotQuotes() {
    String text = "Tall, 5'6\" and she is sweet.\n\"Unclosed review about her\nShe is waiting, call her";
    NlpFeatures f = EXTRACTOR.extract(text, "en");
    assertThat(surface(text, f.pronouns(), 3, false)).containsExactly("she", "She", "her");
    assertThat(surface(text, f.pronouns(), 3, true)).containsExactly("her");
  }

  @Test
  void theSentenceModelReadsTheFirstCharsAndEveryLaterLineIsOneSentence() {
    String sentence = "She is new here. Call her now! ";   // two sentences in 31 chars
    String head = sentence.repeat(Sentences.MAX_MODEL_CHARS / sentence.length()); // within the bound
    int headSentences = EXTRACTOR.extract(head, "en").sentences();
    assertThat(headSentences).isEqualTo(2 * (Sentences.MAX_MODEL_CHARS / sentence.length()));
    // "Still…" starts before the bound (one more sentence); "And more." lies past it and continues that
    // sentence; each later non-blank line counts once, however many sentences it holds.
    String text = head + "Still the same line. And more.\nLine one. Two.\n\nLine two! Three?\n";
    assertThat(text.indexOf("And more.")).isGreaterThan(Sentences.MAX_MODEL_CHARS);
    NlpFeatures f = EXTRACTOR.extract(text, "en");
    assertThat(f.sentences()).isEqualTo(headSentences + 1 + 2);
    // tokens and pronouns still cover the whole text
    assertThat(f.count(3, false)).isEqualTo(2 * (Sentences.MAX_MODEL_CHARS / sentence.length()));
    assertThat(f.tokens()).isEqualTo(EXTRACTOR.extract(text.replace('.', ' ').replace('!', ' ').replace('?', ' '), "en").tokens());
  }

  @Test
  void hostileRunsOfSentenceEndsAreReadWithinTheBound() {
    // One 20,000-char line of full stops (quadratic work for the sentence detector if unbounded).
    NlpFeatures dots = EXTRACTOR.extract(".".repeat(20_000), "en");
    assertThat(dots.tokens()).isZero();
    assertThat(dots.sentences()).isPositive();
    NlpFeatures initials = EXTRACTOR.extract("A.".repeat(10_000), "en");
    assertThat(initials.tokens()).isEqualTo(10_000);
    assertThat(initials.features().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Test
  void posTaggingReadsAFixedNumberOfTokens() {
    // A broken opening followed by a long clean tail: only the first tokens are tagged, so the tail
    // does not dilute the estimate.
    String broken = "She is the . Call a the with girl the . For and the very . With the and . The .";
    assertThat(GrammarIrregularity.MAX_TAGGED_TOKENS).isLessThanOrEqualTo(broken.split(" ").length);
    String tail = " She is a friendly girl from the city and she likes to meet new people every day.".repeat(20);
    double alone = EXTRACTOR.extract(broken, "en").grammarIrregularity().orElseThrow();
    assertThat(EXTRACTOR.extract(broken + tail, "en").grammarIrregularity().orElseThrow()).isEqualTo(alone);
  }

  static List<String> roles(String text) {
    return EXTRACTOR.extract(text, null).roles().stream().map(r -> text.substring(r.start(), r.end())).toList();
  }

  @Test
  void genericPronounPairsAreNoReference() {
    String text = "Each employee grows to his or her full potential. Send his/her CV; s/he or he/she will hear. "
        + "Er oder sie meldet sich. Он или она ответит.";
    NlpFeatures f = EXTRACTOR.extract(text, "en");
    assertThat(surface(text, f.pronouns(), 3, false)).isEmpty();
    // two people joined by "and", or the same pronoun twice, stay
    String two = "She and he are here; her or her friend.";
    assertThat(surface(two, EXTRACTOR.extract(two, "en").pronouns(), 3, false)).containsExactly("She", "he", "her", "her");
  }

  @Test
  void capitalisedGermanThirdPersonPronounsInsideASentenceAreNotCounted() {
    String text = "Hausbesuche für Sie und Ihn. Ich komme zu Ihnen. Er ist neu, buche ihn, frag ihnen.";
    NlpFeatures f = EXTRACTOR.extract(text, "de");
    assertThat(surface(text, f.pronouns(), 3, false)).containsExactly("Er", "ihn", "ihnen");
  }

  @Test
  void roleNounsCountWhenDeterminedOrSubjectOfAVerb() {
    assertThat(roles("Our girls are waiting. This boy will come. My girl Tasha is 19.")).containsExactly("girls", "boy", "girl");
    assertThat(roles("3 Mädels warten auf dich. TS-Girls sind da. Unsere Jungs besuchen dich.")).containsExactly("Mädels", "Girls", "Jungs");
    assertThat(roles("5 девушек в смене. Наши мальчики ждут вас. Эта красавица приедет.")).containsExactly("девушек", "мальчики", "красавица");
    // a list, a lone singular, the writer, the clients
    assertThat(roles("A large choice of girls and boys. Sweet girl, real pics.")).isEmpty();
    assertThat(roles("I'm a sweet girl. We are two boys. Wir sind 2 TS Girls.")).isEmpty();
    assertThat(roles("Escort for ladies, für Damen und Herren, для девушек.")).isEmpty();
    assertThat(roles("Jungs für Jungs. 6 Boys.")).containsExactly("Boys");
  }
}
