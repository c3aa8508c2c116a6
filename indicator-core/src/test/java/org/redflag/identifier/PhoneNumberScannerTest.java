package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.redflag.identifier.PhoneNumberScanner.Candidate;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/** Obscured forms are found and normalised; plain numbers and digit strings that are not phones are not obscured. All numbers are fictional (555-01xx). */
class PhoneNumberScannerTest {
  static final PhoneNumberScanner S = PhoneNumberScanner.defaults();

  static Candidate only(String text) {
    List<Candidate> obscured = S.scanObscured(text);
    assertThat(obscured).as("obscured candidates").hasSize(1);
    Candidate c = obscured.get(0);
    assertThat(c.end()).isLessThanOrEqualTo(text.length());
    return c;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "call five five five zero one two three four five six now|five five five zero one two three four five six|5550123456|DIGITS_AS_WORDS",
      "Ruf an: fünf fünf fünf null eins zwei drei vier fünf sechs|fünf fünf fünf null eins zwei drei vier fünf sechs|5550123456|DIGITS_AS_WORDS",
      "звони пять пять пять ноль один два три четыре пять шесть!|пять пять пять ноль один два три четыре пять шесть|5550123456|DIGITS_AS_WORDS",
      "FIVE-FIVE-FIVE-ZERO-ONE-TWO-THREE-FOUR-FIVE-SIX ok|FIVE-FIVE-FIVE-ZERO-ONE-TWO-THREE-FOUR-FIVE-SIX|5550123456|DIGITS_AS_WORDS",
      "Call five five five, zero one two three, four five six seven.|five five five, zero one two three, four five six seven|5550123456 7|DIGITS_AS_WORDS",
      "text fivefivefivezeroonetwothreefourfivesix|fivefivefivezeroonetwothreefourfivesix|5550123456|DIGITS_AS_WORDS",
      "txt 555 zero one 2 three 45 six 7|555 zero one 2 three 45 six 7|5550123456 7|MIXED_DIGITS_AND_WORDS",
      "call 5.5.5-0.1.2.3-4567 hun|5.5.5-0.1.2.3-4567|5550123456 7|SEPARATOR_EVERY_DIGIT",
      "me: 5 5 5 0 1 2 3 4 5 6 xx|5 5 5 0 1 2 3 4 5 6|5550123456|SEPARATOR_EVERY_DIGIT",
      "555O1O34567 call|555O1O34567|55501034567|LETTER_O_FOR_ZERO",
      "５５５０１２３４５６ ok|５５５０１２３４５６|5550123456|NON_ASCII_DIGITS",
  })
  void findsObscuredForms(String text, String surface, String digits, Technique technique) {
    Candidate c = only(text);
    assertThat(text.substring(c.start(), c.end())).isEqualTo(surface);
    assertThat(c.normalised()).isEqualTo(digits.replace(" ", ""));
    assertThat(c.techniques()).contains(technique);
  }

  /** The forms of issue 23 item 7, as adverts write them (numbers replaced by fictional 555-01xx ones). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Text my booker ONLY 555$$555$$0153 100%REAL|555$$555$$0153|5555550153|SYMBOL_SEPARATORS",
      "Call daddy 555((555))0156 dont text her|555((555))0156|5555550156|SYMBOL_SEPARATORS",
      "KANDYLICIOUS CANDI(((555)))555-0105 HERE|555)))555-0105|5555550105|SYMBOL_SEPARATORS",
      "ring 555/555/01/62 now|555/555/01/62|5555550162|SYMBOL_SEPARATORS",
      "555*555*0103 Talented curvy|555*555*0103|5555550103|SYMBOL_SEPARATORS",
      "booker on Signal 555_555_0163|555_555_0163|5555550163|SYMBOL_SEPARATORS",
      "Tel: 555 • 555 • 0168|555 • 555 • 0168|5555550168|SYMBOL_SEPARATORS",
      "pay him. 555°555°0185|555°555°0185|5555550185|SYMBOL_SEPARATORS",
      "Tel 555 ! 01 ! 88|555 ! 01 ! 88|5550188|SYMBOL_SEPARATORS",
      "Менеджер на связи:555*01*19|555*01*19|5550119|SYMBOL_SEPARATORS",
      "call 555\"555\"0177 babe|555\"555\"0177|5555550177|SYMBOL_SEPARATORS",
      "call 555'555'0177 babe|555'555'0177|5555550177|SYMBOL_SEPARATORS",
      "txt 555=555=0134|555=555=0134|5555550134|SYMBOL_SEPARATORS",
      "Звони:555-О1З7(пиши смс|555-О1З7|5550137|LETTERS_FOR_DIGITS",
      "call 555-0l23 ok|555-0l23|5550123|LETTERS_FOR_DIGITS",
      "call 5sixty-twenty41 now|5sixty-twenty41|5602041|MIXED_DIGITS_AND_WORDS",
      "five five five sixty-one twenty-three|five five five sixty-one twenty-three|5556123|DIGITS_AS_WORDS",
      "txt f1ve5five-f1ve5five-0one5four|f1ve5five-f1ve5five-0one5four|5555550154|MIXED_DIGITS_AND_WORDS",
      "s1x s3ven thr33 z3r0 one tw0 f0ur x|s1x s3ven thr33 z3r0 one tw0 f0ur|6730124|DIGITS_AS_WORDS",
  })
  void findsTheFormsOfRealAdverts(String text, String surface, String digits, Technique technique) {
    findsObscuredForms(text, surface, digits, technique);
  }

  /** Look-alikes of the new forms that must stay silent: prices, dates, times, sizes, references. */
  @ParameterizedTest
  @ValueSource(strings = {
      "80$ 150$ 300$ 500$ 700$", "$80/$150/$300", "80$-150$-300$-500$", "100/150/200/250", "75/125/175/225",
      "100 • 150 • 200 • 300", "QV40 HH60 H80 2H150", "100hh 150hr 200 2hrs", "12/05/2024 bis 15/05/2024",
      "2024/05/12 and 2024-05-13", "12/05 13/05 14/05 15/05", "36\"-24\"-36\" 5'6\" 130lbs", "5'6 36-24-36 120",
      "from 10:30 to 22:30 daily", "90-60-90 170cm 55kg", "Ref. #12345678", "size 8 • 10 • 12 • 14", "150*200*300",
      "twenty thirty forty fifty", "I am twenty-five, 5'7 and 130", "60min 200€ / 90min 300€ / 120min 400€",
      "age 25!! 36DD!! 5'5!! 120lbs!!", "rates 150 hh / 250 h / 400 2h", "I l0ve you", "5 l of water and 3 l of juice",
      "120 / 12/10/14 / £225",
  })
  void lookAlikesStaySilent(String text) {
    assertThat(S.scanObscured(text)).isEmpty();
  }

  @Test
  void oneSlashOrBracketedAreaCodeIsPlain() {
    assertThat(S.scan("Tel. 0171/5550123")).singleElement().satisfies(c -> {
      assertThat(c.normalised()).isEqualTo("01715550123");
      assertThat(c.obscured()).isFalse();
    });
    assertThat(S.scanObscured("+1 (555) 555-0123 or (555)555-0124")).isEmpty();
  }

  @Test
  void keycapEmojiDigits() {
    String t = "📞 5️⃣5️⃣5️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣ 💋";
    Candidate c = only(t);
    assertThat(c.normalised()).isEqualTo("5550123456");
    assertThat(c.techniques()).containsExactly(Technique.EMOJI_KEYCAP);
    assertThat(t.substring(c.start(), c.end())).startsWith("5️⃣").endsWith("6️⃣");
  }

  @Test
  void leadingPlusIsKept() {
    Candidate c = only("+44 two zero 7946 0 one 2 3 x");
    assertThat(c.normalised()).isEqualTo("+442079460123");
    assertThat(c.start()).isZero();
  }

  @Test
  void combinedTechniques() {
    Candidate c = only("5 5 5 zero 1 2 3 four 5 6");
    assertThat(c.techniques()).contains(Technique.MIXED_DIGITS_AND_WORDS, Technique.SEPARATOR_EVERY_DIGIT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"555-123-4567", "+44 20 7946 0000", "(555) 123 4567", "555.123.4567", "5551234567",
      "+1 555 123 4567", "06 12 34 56 78", "call 555 0123 anytime"})
  void plainNumbersAreCandidatesButNotObscured(String text) {
    assertThat(S.scanObscured(text)).isEmpty();
    assertThat(S.scan(text)).hasSize(1).allMatch(c -> !c.obscured());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "$80 hh $150 hr $250 2 hrs", "80$ 150$ 300$ 500$", "€100 30 min, €150 1 hour", "age 23, 5'6, 34C 120 lbs",
      "34C 36DD 32B 38D 34A 40G 30F", "open 24/7 24/7 24/7 24/7", "12/05 13/05 14/05 15/05", "12.05.2024 13.05.2024",
      "10:30 11:30 12:30 1:30 2:30", "10pm 11pm 1am 2am 3am 4am 5am", "zip 90210 10001 60601", "SW1A 1AA, EC1A 1BB",
      "one or two hours, three or four girls", "two, three, four, five, six, seven, eight girls", "1 hour 2 hours 3 hours 4 hours 5 hours 6 hours 7 hours",
      "I am 2 3 years", "100% real, 100% 1 2 3", "rated 5/5/5/5/5/5/5/5", "3000 руб/час, 5 000 руб 2 часа",
      "one two three four", "1 2 3 4 5 6 7 8", "1. 2. 3. 4. 5. 6. 7. rules", "9 8 7 6 5 4 3 2 1 0",
      "one one one one one one one", "7 8 9 0 1 2 3", "1,500 2,000 3,500 4,000", "room 1 2 3, floor 4", "5ft 6in 5ft 7in 5ft 8in 5ft 9in"})
  void notObscuredPhones(String text) {
    assertThat(S.scanObscured(text)).isEmpty();
  }

  @Test
  void sentenceEndAfterAnAgeIsNotPartOfTheNumber() {
    String t = "I'm 23. five five five zero one two three four";
    Candidate c = only(t);
    assertThat(c.normalised()).isEqualTo("55501234");
    assertThat(t.substring(c.start(), c.end())).startsWith("five");
    // words ending a sentence inside the number are still one number
    assertThat(only("Five Five Five. Zero One Two Three.").normalised()).isEqualTo("5550123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"call 555 0123 two girls available", "555-0123 oh and ask for Ann", "one 555 0123 4567",
      "ring 555 123 4567 one hour minimum"})
  void numberWordsBesideAPlainNumberBelongToTheSentence(String text) {
    assertThat(S.scanObscured(text)).isEmpty();
    assertThat(S.scan(text)).hasSize(1);
  }

  @Test
  void spelledOutAreaCodeBeforeDigitsStaysOneObscuredNumber() {
    assertThat(only("five five five 0123456").normalised()).isEqualTo("5550123456");
  }

  @Test
  void tooShortOrTooLongIsNoCandidate() {
    assertThat(S.scan("five five five one two three")).isEmpty();
    assertThat(S.scan("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6")).isEmpty();
  }

  @Test
  void candidateToStringHidesTheNumber() {
    Candidate c = only("five five five zero one two three four five six");
    assertThat(c.toString()).doesNotContain("5550123456").contains("10 digits");
  }
}
