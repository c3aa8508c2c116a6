package org.redflag.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redflag.advert.Advert;

class AdvertJsonTest {

  @Test
  void readsEveryField() {
    Advert a = AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"title\":\"T\",\"category\":\"escort\",\"market\":\"m\","
        + "\"language\":\"de\",\"postedAt\":\"2026-01-02T03:04:05Z\",\"tags\":[\"tattoo:crown\"],"
        + "\"prices\":[{\"amount\":80,\"currency\":\"usd\",\"minutes\":30},{\"amount\":\"120.50\"}]}");
    assertThat(a.title()).contains("T");
    assertThat(a.language()).contains("de");
    assertThat(a.postedAt()).contains(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(a.prices()).hasSize(2);
    assertThat(a.prices().get(0).currency()).isEqualTo("USD");
    assertThat(a.prices().get(1).amount()).isEqualByComparingTo("120.5");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"text\":\"t\"}                                | $.id: required field is missing",
      "{\"id\":\"a\"}                                  | $.text: required field is missing",
      "{\"id\":7,\"text\":\"t\"}                       | $.id: expected a string, got number",
      "{\"id\":\"a\",\"text\":[\"t\"]}                 | $.text: expected a string, got array",
      "{\"id\":\"a\",\"text\":\"t\",\"tags\":\"x:y\"}  | $.tags: expected an array",
      "{\"id\":\"a\",\"text\":\"t\",\"tags\":[\"x\"]}  | $.tags[0]: advert field 'tags' entries must have the form namespace:value",
      "{\"id\":\"a\",\"text\":\"t\",\"tags\":[1]}      | $.tags[0]: expected a string, got number",
      "{\"id\":\"a\",\"text\":\"t\",\"postedAt\":\"yesterday\"} | $.postedAt: expected an ISO-8601",
      "{\"id\":\"a\",\"text\":\"t\",\"prices\":[{\"currency\":\"USD\"}]} | $.prices[0].amount: required number is missing",
      "{\"id\":\"a\",\"text\":\"t\",\"prices\":[{\"amount\":-3}]} | $.prices[0]: price amount must be positive",
      "{\"id\":\"a\",\"text\":\"t\",\"prices\":[{\"amount\":3,\"minutes\":1.5}]} | $.prices[0].minutes: expected a whole number",
      "{\"id\":\"a\",\"text\":\"t\",\"language\":\"e n\"} | $.language: advert field 'language' is not a BCP 47",
      "[1,2]                                           | $: an advert must be a JSON object",
      "{\"id\":\"a\",                                   | $: invalid JSON",
  })
  void errorsNameThePath(String json, String message) {
    assertThatThrownBy(() -> AdvertJson.parse(json)).isInstanceOf(AdvertFormatException.class).hasMessageStartingWith(message);
  }

  @Test
  void errorsNeverQuoteTheText() {
    assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"a\",\"text\":\"secret words\" oops}"))
        .hasMessageNotContaining("secret").hasMessageNotContaining("oops");
  }

  @Test
  void canonicalJsonSortsKeysAndOmitsAbsentFields() {
    Advert a = AdvertJson.parse("{\"text\":\"t\",\"id\":\"a\",\"prices\":[{\"amount\":100.0,\"currency\":\"EUR\"}]}");
    assertThat(AdvertJson.toCanonicalJson(a)).isEqualTo("{\"id\":\"a\",\"prices\":[{\"amount\":100,\"currency\":\"EUR\"}],\"text\":\"t\"}");
    assertThat(AdvertJson.parse(AdvertJson.toCanonicalJson(a))).isEqualTo(a.toBuilder().build());
  }

  /** The example of RFC 8785 section 3.2.2 (numbers as IEEE doubles, minimal string escapes, sorted keys). */
  @Test
  void jcsGivesTheRfc8785Example() throws Exception {
    String in = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
        + "\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
        + "\"literals\": [null, true, false]}";
    assertThat(AdvertJson.jcs(AdvertJson.MAPPER.readTree(in), "$")).isEqualTo(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void theCanonicalRecordCoversTheWholeRecordWhateverItsLayout() {
    String r1 = "{\"id\":\"a\",\"text\":\"t\",\"site\":\"board-a\",\"url\":\"https://example.org/ad/1\",\"extra\":[1,2.50]}";
    String r2 = " { \"extra\" : [ 1 , 2.5 ] , \"url\":\"https://example.org/ad/1\",\"text\":\"t\",\"site\":\"board-a\",\"id\":\"a\" } ";
    byte[] c1 = AdvertJson.canonicalRecord(AdvertJson.parse(r1));
    assertThat(c1).isEqualTo(AdvertJson.canonicalRecord(AdvertJson.parse(r2)));
    assertThat(new String(c1, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"extra\":[1,2.5],\"id\":\"a\",\"site\":\"board-a\",\"text\":\"t\",\"url\":\"https://example.org/ad/1\"}");
    for (String changed : new String[] {r1.replace("board-a", "board-b"), r1.replace("ad/1", "ad/2"), r1.replace("2.50", "2.51"),
        r1.replace("}", ",\"meta\":{\"crawler\":\"x\"}}")}) {
      assertThat(AdvertJson.canonicalRecord(AdvertJson.parse(changed))).isNotEqualTo(c1);
    }
  }

  @Test
  void provenanceFieldsAreReadAndChecked() {
    Advert a = AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"url\":\"https://example.org/x\",\"capturedAt\":\"2026-03-04T05:06:07Z\","
        + "\"meta\":{\"b\":1,\"a\":[true]}}");
    assertThat(a.url()).contains("https://example.org/x");
    assertThat(a.capturedAt()).contains(Instant.parse("2026-03-04T05:06:07Z"));
    assertThat(a.meta()).contains("{\"a\":[true],\"b\":1}");
    assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"meta\":[1]}")).hasMessageStartingWith("$.meta: expected an object");
    assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"capturedAt\":\"then\"}")).hasMessageStartingWith("$.capturedAt:");
    assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"a\",\"text\":\"t\",\"meta\":{\"n\":1e400}}")).hasMessageStartingWith("$.meta: cannot be put in RFC 8785");
  }

  /** An advert built in code and the same advert read from its canonical JSON have the same canonical record. */
  @Test
  void codeBuiltAndReadAdvertsAgreeOnGeneratedAdverts() {
    java.util.Random r = new java.util.Random(42);
    char[] alphabet = ("ab \"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u00e9\u07ff\u0800\u2028\u2764\ufe0f\uffff"
        + "\ud83d\ude00$\u20ac5").toCharArray();
    for (int n = 0; n < 1000; n++) {
      Advert.Builder b = Advert.builder("id" + random(r, alphabet, 3), random(r, alphabet, r.nextInt(200)));
      if (r.nextBoolean()) b.title(random(r, alphabet, r.nextInt(30)));
      if (r.nextInt(3) == 0) b.category("cat" + random(r, alphabet, 2));
      if (r.nextInt(3) == 0) b.market("m\u00fcnchen");
      if (r.nextInt(3) == 0) b.url("https://example.org/" + random(r, alphabet, 5));
      if (r.nextInt(3) == 0) b.capturedAt(Instant.ofEpochSecond(r.nextInt(2_000_000_000)));
      if (r.nextInt(3) == 0) b.meta("{\"k\":" + r.nextInt(1000) + "}");
      for (int t = r.nextInt(3); t > 0; t--) b.tag("t" + t + ":" + random(r, alphabet, 4));
      for (int p = r.nextInt(3); p > 0; p--) {
        java.math.BigDecimal amount = java.math.BigDecimal.valueOf(1 + r.nextInt(100000), r.nextInt(9) - 3);
        b.price(new org.redflag.advert.Price(amount, r.nextBoolean() ? "EUR" : null, r.nextBoolean() ? 30 * p : null));
      }
      Advert a = b.build();
      Advert read = AdvertJson.parse(AdvertJson.toCanonicalJson(a));
      assertThat(read).isEqualTo(a);
      assertThat(AdvertJson.canonicalRecord(read)).as(a.id()).isEqualTo(AdvertJson.canonicalRecord(a));
    }
  }

  private static String random(java.util.Random r, char[] alphabet, int len) {
    char[] c = new char[len];
    for (int i = 0; i < len; i++) c[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (char) ('a' + r.nextInt(26));
    return new String(c);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\",\"text\":\"y\"} | $: more than one JSON value on the line",
      "{\"id\":\"a\",\"text\":\"x\",\"text\":\"y\"}           | $: a key appears twice in one object",
      "{\"id\":\"a\",\"text\":\"x\",\"meta\":{\"k\":1,\"k\":2}}   | $: a key appears twice in one object",
      "{\"id\":\"a\",\"text\":\"x\"}]                          | $: invalid JSON at column 22",
  })
  void strictJsonRejectsTrailingValuesAndDuplicateKeys(String json, String error) {
    assertThatThrownBy(() -> AdvertJson.parse(json)).isInstanceOf(AdvertFormatException.class).hasMessageStartingWith(error.strip());
  }

  @Test
  void sizeLimitsOfTheParserAreFormatErrorsThatQuoteNothing() {
    String deep = "{\"id\":\"a\",\"text\":\"x\",\"v\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
    String longNumber = "{\"id\":\"a\",\"text\":\"x\",\"v\":" + "1".repeat(1001) + "}";
    String longKey = "{\"id\":\"a\",\"text\":\"x\",\"" + "k".repeat(50_000) + "\":1}";
    assertThatThrownBy(() -> AdvertJson.parse(deep)).isInstanceOf(AdvertFormatException.class)
        .hasMessageStartingWith("$: JSON nested deeper than " + AdvertJson.MAX_DEPTH + " levels");
    assertThatThrownBy(() -> AdvertJson.parse(longNumber)).isInstanceOf(AdvertFormatException.class)
        .hasMessageStartingWith("$: JSON number longer than " + AdvertJson.MAX_NUMBER_LENGTH + " characters").hasMessageNotContaining("111");
    assertThatThrownBy(() -> AdvertJson.parse(longKey)).isInstanceOf(AdvertFormatException.class)
        .hasMessageStartingWith("$: JSON key longer than " + AdvertJson.MAX_KEY_LENGTH + " characters").hasMessageNotContaining("kkk");
  }

  @Test
  void hugeExponentsAndLongAmountsAreRejectedFastAndUnquoted() {
    for (String amount : new String[] {"1e1000000", "-1e10000000", "1e-1000000", "\"" + "9".repeat(1_000_000) + "\"", "1e13", "0.0000000000001"}) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> AdvertJson.parse("{\"id\":\"p\",\"text\":\"x\",\"prices\":[{\"amount\":" + amount + "}]}"))
          .isInstanceOf(AdvertFormatException.class).hasMessageStartingWith("$.prices[0]")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120).doesNotContain("000000"));
      assertThat((System.nanoTime() - t0) / 1e9).as(amount.substring(0, Math.min(5, amount.length()))).isLessThan(1.0);
    }
    assertThat(AdvertJson.parse("{\"id\":\"p\",\"text\":\"x\",\"prices\":[{\"amount\":999999999999.999999999999}]}").prices())
        .hasSize(1); // twelve digits either side is the documented limit
  }

  @Test
  void idForErrorsIsCutTo64Characters() throws Exception {
    var node = AdvertJson.MAPPER.readTree("{\"id\":\"" + "i".repeat(1000) + "\"}");
    assertThat(AdvertJson.idForErrors(node)).hasSize(AdvertJson.ID_IN_ERRORS);
    assertThat(AdvertJson.idForErrors(AdvertJson.MAPPER.readTree("{\"id\":5}"))).isNull();
    var emoji = AdvertJson.MAPPER.readTree("{\"id\":\"" + "i".repeat(63) + "\uD83D\uDE00\"}");
    assertThat(AdvertJson.idForErrors(emoji)).isEqualTo("i".repeat(63)); // never half a surrogate pair
  }
}
