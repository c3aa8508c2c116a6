package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The number words of {@code phone-words.json}: each word of the file is read by the scanner as its
 * value, English numbers 0-99 spelt by an independent speller are read as their digits, and a malformed
 * file fails with the file and the JSON path.
 */
class NumberWordsTest {
  private static final PhoneNumberScanner SCANNER = PhoneNumberScanner.defaults();

  /** The file's words and values, read here with plain Jackson (not NumberWords' reader). */
  private static Map<String, Integer> fileWords() throws IOException {
    Map<String, Integer> words = new LinkedHashMap<>();
    try (InputStream in = NumberWords.class.getResourceAsStream(NumberWords.RESOURCE)) {
      JsonNode root = new ObjectMapper().readTree(in);
      for (JsonNode e : root.get("entries")) {
        for (Iterator<Map.Entry<String, JsonNode>> it = e.get("words").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> w = it.next();
          words.put(w.getKey(), w.getValue().intValue());
        }
      }
    }
    return words;
  }

  @Test
  void theTablesHoldEveryWordOfTheFileWithItsValue() throws IOException {
    Map<String, Integer> file = fileWords();
    assertThat(file).hasSize(97).containsEntry("five", 5).containsEntry("fünf", 5).containsEntry("пять", 5)
        .containsEntry("oh", 0).containsEntry("sixty", 60).containsEntry("zwölf", 12).containsEntry("девяносто", 90);
    Map<String, Integer> tables = new LinkedHashMap<>();
    for (int k = 0; k < NumberWords.ALL_WORDS.length; k++) tables.put(NumberWords.ALL_WORDS[k], NumberWords.ALL_VALUES[k]);
    assertThat(tables).isEqualTo(file);
    for (int f = 0; f < NumberWords.FIRST_LETTERS.length(); f++) {
      for (int k = 0; k < NumberWords.WORDS_BY_FIRST[f].length; k++) {
        String w = NumberWords.WORDS_BY_FIRST[f][k];
        assertThat(w.charAt(0)).isEqualTo(NumberWords.FIRST_LETTERS.charAt(f));
        assertThat(NumberWords.VALUES_BY_FIRST[f][k]).as(w).isEqualTo(file.get(w));
        assertThat(NumberWords.firstIndex(w.charAt(0))).isEqualTo(f);
        assertThat(NumberWords.firstIndex(Character.toUpperCase(w.charAt(0)))).isEqualTo(f);
      }
    }
  }

  /**
   * Every word of the file, between spelt digits, is read as its value: a ones word one digit, a teen
   * or tens word two ("555 sixty 0123" is 555 60 0123), in any case.
   */
  @Test
  void theScannerReadsEveryWordOfTheFileAsItsValue() throws IOException {
    for (Map.Entry<String, Integer> w : fileWords().entrySet()) {
      for (String form : List.of(w.getKey(), w.getKey().toUpperCase(java.util.Locale.ROOT))) {
        String text = "call five five five " + form + " zero one two three";
        List<PhoneNumberScanner.Candidate> found = SCANNER.scan(text);
        assertThat(found).as(text).hasSize(1);
        assertThat(found.get(0).normalised()).as(text).isEqualTo("555" + w.getValue() + "0123");
        assertThat(found.get(0).techniques()).as(text).containsExactly(PhoneNumberScanner.Technique.DIGITS_AS_WORDS);
      }
    }
  }

  private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  private static final String[] TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

  /** English words for 0-99 as a school book writes them ("sixty-five"), independent of the file. */
  static String spell(int n) {
    if (n < 10) return ONES[n];
    if (n < 20) return TEENS[n - 10];
    return n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + "-" + ONES[n % 10];
  }

  /** The generated oracle: "seven seven seven {n} zero one two three" is 777, n's digits, 0123. */
  @Test
  void englishNumbersZeroToNinetyNineAreReadAsTheirDigits() {
    for (int n = 0; n < 100; n++) {
      for (String sep : List.of(" ", ", ")) {
        String text = "seven seven seven" + sep + spell(n) + sep + "zero one two three";
        List<PhoneNumberScanner.Candidate> found = SCANNER.scan(text);
        assertThat(found).as(text).hasSize(1);
        assertThat(found.get(0).normalised()).as(text).isEqualTo("777" + n + "0123");
        assertThat(found.get(0).start()).isZero();
        assertThat(found.get(0).end()).isEqualTo(text.length());
      }
      // written together, as adverts also do ("sevenseven…"); a tens word then takes the ones word after it
      String glued = "sevensevenseven" + spell(n).replace("-", "") + "zeroonetwothree";
      assertThat(SCANNER.scan(glued)).as(glued).singleElement()
          .extracting(PhoneNumberScanner.Candidate::normalised).isEqualTo("777" + n + "0123");
    }
  }

  /** No two words of one length and first letter can match the same text, so file order never matters. */
  @Test
  void noTwoWordsMatchTheSameText() {
    for (String[] words : NumberWords.WORDS_BY_FIRST) {
      for (int a = 0; a < words.length; a++) {
        for (int b = a + 1; b < words.length; b++) {
          if (words[a].length() != words[b].length()) continue;
          boolean both = true;
          for (int j = 1; j < words[a].length(); j++) {
            char x = words[a].charAt(j), y = words[b].charAt(j);
            if (x == y) continue;
            boolean sameDigit = false;
            for (char d = '0'; d <= '9'; d++) sameDigit |= PhoneChars.leetLetter(d, x) && PhoneChars.leetLetter(d, y);
            both &= sameDigit;
          }
          assertThat(both).as(words[a] + " / " + words[b]).isFalse();
        }
      }
    }
  }

  @Test
  void theFileIsReadLikeTheTables() {
    String ok = """
        {"description": "d", "kinds": {}, "entries": [
          {"language": "en", "kind": "ones", "words": {"five": 5, "oh": 0}, "reason": "r", "source": "s"},
          {"language": "de", "kind": "tens", "words": {"sechzig": 60}, "reason": "r", "source": "s"}]}""";
    NumberWords.Vocabulary v = NumberWords.read(ok, "t.json");
    assertThat(v.words).containsExactly("five", "oh", "sechzig");
    assertThat(v.values).containsExactly(5, 0, 60);
  }

  @Test
  void aMalformedFileFailsWithTheFileAndTheJsonPath() {
    List<String[]> cases = new ArrayList<>();
    String e = "{\"language\": \"en\", \"kind\": \"ones\", \"words\": %s, \"reason\": \"r\", \"source\": \"s\"}";
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"five\": 5}") + ", " + e.formatted("{\"six\": 16}") + "]}",
        "t.json: entries[1].words.six: '16' is not a value of kind ones"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"five\": 5}") + ", " + e.formatted("{\"five\": 5}") + "]}",
        "t.json: entries[1].words.five: 'five' is listed twice"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"Five\": 5}") + "]}",
        "t.json: entries[0].words.Five: 'Five' is not lower case"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"f\": 5}") + "]}",
        "t.json: entries[0].words.f: 'f' is not a word of 2 to 64 chars"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"fi5e\": 5}") + "]}",
        "t.json: entries[0].words.fi5e: 'fi5e' is not letters only"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("[\"five\"]") + "]}",
        "t.json: entries[0].words: expected a non-empty object of word: value"});
    cases.add(new String[] {"{\"entries\": [" + e.replace("\"ones\"", "\"hundreds\"").formatted("{\"five\": 5}") + "]}",
        "t.json: entries[0].kind: unknown kind 'hundreds'"});
    cases.add(new String[] {"{\"entries\": [" + e.replace("\"r\"", "\"\"").formatted("{\"five\": 5}") + "]}",
        "t.json: entries[0].reason: expected a non-empty string"});
    cases.add(new String[] {"{\"entries\": [{\"words\": {}, \"note\": 1}]}", "t.json: entries[0].note: unknown field"});
    cases.add(new String[] {"{\"entries\": []}", "t.json: entries: expected a non-empty array"});
    cases.add(new String[] {"{\"entries\": [" + e.formatted("{\"five\": 5, \"five\": 5}") + "]}", "t.json: not valid JSON: Duplicate field"});
    cases.add(new String[] {"[1]", "t.json: expected a JSON object"});
    for (String[] c : cases) {
      assertThatThrownBy(() -> NumberWords.read(c[0], "t.json")).as(c[0])
          .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(c[1]);
    }
  }
}
