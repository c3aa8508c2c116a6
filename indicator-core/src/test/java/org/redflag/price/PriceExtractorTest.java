package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.advert.Price;

class PriceExtractorTest {
  static final PriceExtractor X = PriceExtractor.defaults();

  /** "amount currency minutes 'surface'" per mention; currency and minutes "-" when absent. */
  static String describe(String text, String defaultCurrency) {
    return X.extract(text, defaultCurrency).stream()
        .map(p -> p.amount().toPlainString() + " " + (p.currency() == null ? "-" : p.currency()) + " "
            + (p.minutes() == null ? "-" : p.minutes()) + " '" + text.substring(p.start(), p.end()) + "'")
        .collect(Collectors.joining(" | "));
  }

  static String describe(String text) { return describe(text, null); }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      $80                         | 80 USD - '$80'
      80$                         | 80 USD - '80$'
      80 usd                      | 80 USD - '80 usd'
      €120                        | 120 EUR - '€120'
      200 eur                     | 200 EUR - '200 eur'
      200 EUR                     | 200 EUR - '200 EUR'
      £90                         | 90 GBP - '£90'
      4000₽                       | 4000 RUB - '4000₽'
      3000 руб                    | 3000 RUB - '3000 руб'
      2500 рублей                 | 2500 RUB - '2500 рублей'
      US$200                      | 200 USD - 'US$200'
      C$150                       | 150 CAD - 'C$150'
      $ 95                        | 95 USD - '$ 95'
      $80.50                      | 80.5 USD - '$80.50'
      80,50 €                     | 80.5 EUR - '80,50 €'
      $1,200                      | 1200 USD - '$1,200'
      1.500 €                     | 1500 EUR - '1.500 €'
      5 000 руб                   | 5000 RUB - '5 000 руб'
      100 dollars                 | 100 USD - '100 dollars'
      150 euro                    | 150 EUR - '150 euro'
      """)
  void currencyBeforeOrAfterTheAmount(String text, String expected) {
    assertThat(describe(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      $80 hh                      | 80 USD 30 '$80 hh'
      $150 hr                     | 150 USD 60 '$150 hr'
      $150/hr                     | 150 USD 60 '$150/hr'
      80usd/h                     | 80 USD 60 '80usd/h'
      $80hh                       | 80 USD 30 '$80hh'
      $100 half hour              | 100 USD 30 '$100 half hour'
      $100 per half an hour       | 100 USD 30 '$100 per half an hour'
      $100 half-hour              | 100 USD 30 '$100 half-hour'
      80$ 30 min                  | 80 USD 30 '80$ 30 min'
      $80/30min                   | 80 USD 30 '$80/30min'
      $200 1h                     | 200 USD 60 '$200 1h'
      $300 2 hours                | 300 USD 120 '$300 2 hours'
      $250 1.5 hours              | 250 USD 90 '$250 1.5 hours'
      $60 qv                      | 60 USD 15 '$60 qv'
      $180 full hour              | 180 USD 60 '$180 full hour'
      $150 an hour                | 150 USD 60 '$150 an hour'
      £120 per hour               | 120 GBP 60 '£120 per hour'
      80$ (30 min)                | 80 USD 30 '80$ (30 min'
      hh $80                      | 80 USD 30 'hh $80'
      1 hour: $200                | 200 USD 60 '1 hour: $200'
      1/2 hr $80                  | 80 USD 30 '1/2 hr $80'
      qv 60$                      | 60 USD 15 'qv 60$'
      full hour €150              | 150 EUR 60 'full hour €150'
      """)
  void englishDurationsAfterOrBefore(String text, String expected) {
    assertThat(describe(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      200 eur pro Stunde          | 200 EUR 60 '200 eur pro Stunde'
      150 € 1 Std.                | 150 EUR 60 '150 € 1 Std'
      2 Std. 300 €                | 300 EUR 120 '2 Std. 300 €'
      €120 für eine halbe Stunde  | 120 EUR 30 '€120 für eine halbe Stunde'
      halbe Stunde 100€           | 100 EUR 30 'halbe Stunde 100€'
      90 Euro 30 Min.             | 90 EUR 30 '90 Euro 30 Min'
      100€ 45 Minuten             | 100 EUR 45 '100€ 45 Minuten'
      """)
  void germanDurations(String text, String expected) {
    assertThat(describe(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      3000 руб/час                | 3000 RUB 60 '3000 руб/час'
      5 000 руб за 1 час          | 5000 RUB 60 '5 000 руб за 1 час'
      полчаса 2000₽               | 2000 RUB 30 'полчаса 2000₽'
      час - 4000 р                | 4000 RUB 60 'час - 4000 р'
      2500р 30 мин                | 2500 RUB 30 '2500р 30 мин'
      8000 руб 2 часа             | 8000 RUB 120 '8000 руб 2 часа'
      """)
  void russianDurations(String text, String expected) {
    assertThat(describe(text)).isEqualTo(expected);
  }

  @Test
  void whiteSpaceIsTheGeneralDefinitionForEveryChar() {
    // ASCII white space as before the bit mask (not the information separators U+001C..U+001F, which
    // Character.isWhitespace counts), beyond ASCII Character.isWhitespace or a space separator
    for (char c = 0; c < 0x80; c++) {
      assertThat(PriceTokenizer.isSpace(c)).as("U+%04X", (int) c).isEqualTo(" \t\n\u000B\f\r".indexOf(c) >= 0);
    }
    for (int c = 0x80; c <= 0xFFFF; c++) {
      boolean general = Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
      assertThat(PriceTokenizer.isSpace((char) c)).as("U+%04X", c).isEqualTo(general);
    }
  }

  @Test
  void severalPricesEachTakeTheirOwnDuration() {
    assertThat(describe("Incall $80 hh, $150 hr. Outcall $200 1h"))
        .isEqualTo("80 USD 30 '$80 hh' | 150 USD 60 '$150 hr' | 200 USD 60 '$200 1h'");
    assertThat(describe("hh $80 hr $150")).isEqualTo("80 USD 30 'hh $80' | 150 USD 60 'hr $150'");
    assertThat(describe("Mia, 21 y.o. 1h 200€ 30min 120€"))
        .isEqualTo("200 EUR 60 '1h 200€' | 120 EUR 30 '30min 120€'");
  }

  @Test
  void rangesGiveOneMentionPerEndWithTheWholeSpan() {
    assertThat(describe("$80-100 hh")).isEqualTo("80 USD 30 '$80-100 hh' | 100 USD 30 '$80-100 hh'");
    assertThat(describe("80 to 100 eur per hour"))
        .isEqualTo("80 EUR 60 '80 to 100 eur per hour' | 100 EUR 60 '80 to 100 eur per hour'");
    assertThat(describe("$150 - $200/hr")).isEqualTo("150 USD 60 '$150 - $200/hr' | 200 USD 60 '$150 - $200/hr'");
    assertThat(describe("3000–5000 руб")).isEqualTo("3000 RUB - '3000–5000 руб' | 5000 RUB - '3000–5000 руб'");
  }

  @Test
  void euphemismsTakeTheMarketCurrencyWhenItIsKnown() {
    assertThat(describe("150 roses/hr")).isEqualTo("150 - 60 '150 roses/hr'");
    assertThat(describe("150 roses/hr", "CAD")).isEqualTo("150 CAD 60 '150 roses/hr'");
    assertThat(describe("hh 100 roses", "EUR")).isEqualTo("100 EUR 30 'hh 100 roses'");
    // a bare "$" is the market's own dollar when the market uses one
    assertThat(describe("$120 hr", "CAD")).isEqualTo("120 CAD 60 '$120 hr'");
    assertThat(describe("$120 hr", "EUR")).isEqualTo("120 USD 60 '$120 hr'");
  }

  @Test
  void bareNumbersCountOnlyInARatesListAndWithADuration() {
    assertThat(describe("Rates: 80 hh / 150 1 hour")).isEqualTo("80 - 30 '80 hh' | 150 - 60 '150 1 hour'");
    assertThat(describe("Preise: 1 Stunde 150, halbe Stunde 100", "EUR"))
        .isEqualTo("150 EUR 60 '1 Stunde 150' | 100 EUR 30 'halbe Stunde 100'");
    assertThat(describe("$80 hh, 150 hr")).isEqualTo("80 USD 30 '$80 hh' | 150 - 60 '150 hr'");
    assertThat(describe("I am 23 and free 2 hours a day")).isEmpty();
    assertThat(describe("80 hh")).isEmpty(); // no market currency: a bare number outside a rates list is no price
  }

  /** The forms of issue 23 item 8, as adverts write them: bare amounts take the market's currency. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      100hh 150hr                 ; USD ; 100 USD 30 '100hh' | 150 USD 60 '150hr'
      QV40 HH60 H80               ; USD ; 40 USD 15 'QV40' | 60 USD 30 'HH60' | 80 USD 60 'H80'
      HH100 H150.                 ; USD ; 100 USD 30 'HH100' | 150 USD 60 'H150'
      160 roses/hr, 100 qv        ; USD ; 160 USD 60 '160 roses/hr' | 100 USD 15 '100 qv'
      donations 200 an hour       ; USD ; 200 USD 60 'donations 200 an hour'
      $30/60min                   ; USD ; 30 USD 60 '$30/60min'
      150 for half hour           ; USD ; 150 USD 30 '150 for half hour'
      2hrs 300                    ; USD ; 300 USD 120 '2hrs 300'
      $160*Half / $200*Hour       ; USD ; 160 USD 30 '$160*Half' | 200 USD 60 '$200*Hour'
      100€ die Stunde             ; EUR ; 100 EUR 60 '100€ die Stunde'
      150 die Stunde              ; EUR ; 150 EUR 60 '150 die Stunde'
      час - 5000                  ; RUB ; 5000 RUB 60 'час - 5000'
      5000 руб/час                ; RUB ; 5000 RUB 60 '5000 руб/час'
      1 час 6000, 2 часа 11000    ; RUB ; 6000 RUB 60 '1 час 6000' | 11000 RUB 120 '2 часа 11000'
      """)
  void bareAmountsTakeTheMarketCurrency(String text, String currency, String expected) {
    assertThat(describe(text, currency)).isEqualTo(expected);
  }

  /** With the market's currency known, numbers beside durations that are not amounts stay silent. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I am 23 and free 2 hours a day", "2 girls 1 hour", "call 555-123-4567 1 hr", "age 23 1hr", "23yo 1 hour",
      "open 24 hours 7 days", "available 24 hr", "555$$555$$0153 text me", "5 hours", "30 min away", "10pm 1 hour",
      "room 212 1 hour", "5'6 1 hour"})
  void bareNumbersThatAreNotAmountsStaySilent(String text) {
    assertThat(describe(text, "USD")).isEmpty();
  }

  @Test
  void vocabularyErrorsNameFileJsonPathAndReason() {
    String ok = "\"reason\": \"r\", \"source\": \"s\"";
    String sign = ", \"symbols\": [{\"value\": \"EUR\", \"symbols\": [\"€\"], " + ok + "}]";
    String prefix = ", \"dollarPrefixes\": [{\"value\": \"USD\", \"words\": [\"us\"], " + ok + "}]}";
    java.util.function.Function<String, String> file = entry -> "{\"entries\": [{\"role\": [\"hour\"], "
        + "\"language\": \"en\", \"words\": [\"h\"], " + ok + "}, " + entry + "]" + sign + prefix;
    String[][] cases = {
        {"{\"role\": [\"hours\"], \"language\": \"en\", \"words\": [\"x\"], " + ok + "}", "v.json: entries[1].role[0]: unknown role 'hours'"},
        {"{\"role\": [\"currency\"], \"value\": \"XYZ\", \"language\": \"en\", \"words\": [\"foo\"], " + ok + "}", "v.json: entries[1].value: unknown currency 'XYZ'"},
        {"{\"role\": [\"hour\"], \"value\": \"sixty\", \"language\": \"en\", \"words\": [\"h\"], " + ok + "}", "v.json: entries[1].value: 'sixty' is not a whole number"},
        {"{\"role\": [\"hour\"], \"language\": \"english\", \"words\": [\"h\"], " + ok + "}", "v.json: entries[1].language: 'english' is not a two-letter code"},
        {"{\"role\": [\"hour\"], \"language\": \"en\", \"words\": [\"Hour\"], " + ok + "}", "v.json: entries[1].words[0]: 'Hour' is not lower case"},
        {"{\"role\": [\"hour\"], \"language\": \"en\", \"words\": [\"h.\"], " + ok + "}", "v.json: entries[1].words[0]: 'h.' is not letters only"},
        {"{\"role\": [\"hour\"], \"language\": \"en\", \"words\": [\"h\"], \"source\": \"s\"}", "v.json: entries[1].reason: expected a non-empty string"},
        {"{\"role\": [\"hour\"], \"language\": \"en\", \"words\": [\"h\"], \"sorce\": \"s\", " + ok + "}", "v.json: entries[1].sorce: unknown field"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> PriceVocabulary.read(file.apply(c[0]), "v.json", new PriceVocabulary.Vocabulary()))
          .as(c[1]).hasMessage(c[1]);
    }
    // the same file with a valid second entry reads, and gives its words their role
    PriceVocabulary.Vocabulary v = new PriceVocabulary.Vocabulary();
    PriceVocabulary.read(file.apply("{\"role\": [\"minute\"], \"value\": 1, \"language\": \"en\", \"words\": [\"mn\"], " + ok + "}"), "v.json", v);
    assertThat(v.words.lookup("MN".toCharArray(), 0, 2) >>> 32).isEqualTo(PriceVocabulary.W_MIN);
    assertThat(v.words.lookup("usd".toCharArray(), 0, 3) >>> 32).isEqualTo(PriceVocabulary.W_CUR);
    assertThat(v.dollarPrefixes).containsEntry("US", PriceVocabulary.USD);
  }

  @Test
  void everySignAndDollarPrefixOfTheShippedVocabularyIsRead() {
    // the signs and prefixes that were a switch in code before they were data
    String[][] signs = {{"$80", "USD"}, {"€80", "EUR"}, {"£80", "GBP"}, {"₽800", "RUB"}, {"¥800", "JPY"},
        {"₴800", "UAH"}, {"₹800", "INR"}, {"₺800", "TRY"}, {"₩800", "KRW"}, {"₱800", "PHP"}, {"₪800", "ILS"},
        {"฿800", "THB"}, {"₫800", "VND"}, {"US$80", "USD"}, {"C$80", "CAD"}, {"CA$80", "CAD"}, {"A$80", "AUD"},
        {"AU$80", "AUD"}, {"NZ$80", "NZD"}};
    for (String[] c : signs) {
      List<PriceMention> p = X.extract(c[0] + " hr");
      assertThat(p).as(c[0]).hasSize(1);
      assertThat(p.get(0).currency()).as(c[0]).isEqualTo(c[1]);
      assertThat(p.get(0).start()).as(c[0]).isZero();
    }
    assertThat(X.extract("₿80 hr")).as("a currency sign the vocabulary does not list").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "call 555-123-4567 now", "Call 555 123 4567", "(555) 123-4567", "555.123.4567", "+1 555 123 4567",
      "8 800 555 35 35", "age 23", "Age: 23", "23 yo", "23yo", "I'm 23 years", "5'6", "5’6”", "height 170 cm",
      "34DD", "36C", "bust 34", "24/7", "available 24 hr", "12/05", "12.05.2024", "05.12.", "10:30", "10pm", "at 9 am",
      "room 212", "50% off", "2 girls", "1/2", "#1 in town", "3000", "80 hh", "call 5551234567"})
  void digitsThatAreNotPricesGiveNoPrice(String text) {
    assertThat(describe(text)).isEmpty();
  }

  @Test
  void notPricesNextToPricesDoNotDisturbThem() {
    assertThat(describe("age 23 $100 hh")).isEqualTo("100 USD 30 '$100 hh'");
    assertThat(describe("Maria 23 150$ hh")).isEqualTo("150 USD 30 '150$ hh'");
    assertThat(describe("24/7 $80")).isEqualTo("80 USD - '$80'");
    assertThat(describe("10:30 $90 hh")).isEqualTo("90 USD 30 '$90 hh'");
    assertThat(describe("$80 hh (555) 123-4567")).isEqualTo("80 USD 30 '$80 hh'");
    assertThat(describe("12.05.2024 100€")).isEqualTo("100 EUR - '100€'");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-$80 hh", "-80$", "$0 hh", "0 eur", "$99999999999999999 hr", "$2000000", "100 zzz hh", "80 ¤ hh", "€80 usd",
      "$1.2.3.4", "$12.05.2024", "$12,5,1", "$", "€", "hh", "$.50", "$-"})
  void negativeAbsurdMalformedOrUnknownGiveNothingAndNoException(String text) {
    assertThat(X.extract(text)).isEmpty();
  }

  @Test
  void maxAmountIsConfigurable() {
    PriceExtractor small = PriceExtractor.withMaxAmount(new BigDecimal("500"));
    assertThat(small.extract("$400 hr $600 hr")).extracting(p -> p.amount().intValue()).containsExactly(400);
  }

  @Test
  void structuredPricesComeFirstThenTitleThenText() {
    Advert a = Advert.builder("a", "now $80 hh").title("special 100€")
        .price(Price.of("120", "USD", 60)).build();
    List<PriceMention> ps = X.extract(a, null);
    assertThat(ps).hasSize(3);
    assertThat(ps.get(0).field()).isEqualTo("prices[0]");
    assertThat(ps.get(0).start()).isEqualTo(-1);
    assertThat(ps.get(1).field()).isEqualTo("title");
    assertThat(a.title().get().substring(ps.get(1).start(), ps.get(1).end())).isEqualTo("100€");
    assertThat(ps.get(2).field()).isNull();
    assertThat(a.text().substring(ps.get(2).start(), ps.get(2).end())).isEqualTo("$80 hh");
    // the structured price wins for the advert's hourly rate although the text one is lower
    assertThat(HourlyRate.lowest(ps, "USD").price().field()).isEqualTo("prices[0]");
  }

  @Test
  void spansUseUtf16IndicesOfTheOriginalText() {
    String text = "😀😀 Ｈello  €150\u00A0hr";
    PriceMention p = X.extract(text).get(0);
    assertThat(text.substring(p.start(), p.end())).isEqualTo("€150\u00A0hr");
  }

  @Test
  void longTextsAndRepeatedCallsAreFine() {
    String unit = "Sweet and new, $80 hh, call 555-123-4567, 24/7. ";
    String text = unit.repeat(5_000);
    List<PriceMention> ps = X.extract(text);
    assertThat(ps).hasSize(5_000);
    assertThat(ps).allSatisfy(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo("$80 hh"));
    assertThat(X.extract("$70 hr")).hasSize(1); // the grown scratch buffer is reset between calls
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rates: 100 ZŁ 1 HOUR, 3000 РУБ ЗА ЧАС, 200 Euro Per Hour, 150 ROSES HH",
      "Preise: HALBE STUNDE 120 EURO, Ganze Stunde 200 €, 2 STD. 300 €", "Цена ПОЛЧАСА 4000 Рублей, 5 000 РУБ",
      "QV $60, HHR $100, 1 HR $150, Age 23, 34DD, 10PM"})
  void wordsAreFoundInAnyCaseAsInLowerCase(String text) {
    // the tokenizer hashes a word while finding its end (fast path); the table is built from the
    // lower-case words through WordTable.find: the same text in lower case must give the same prices
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    assertThat(lower).hasSameSizeAs(text);
    assertThat(describe(text).toLowerCase(java.util.Locale.ROOT)).isNotEmpty()
        .isEqualTo(describe(lower).toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void compactPriceListReadsAsTheEagerList() {
    // prices found in text are kept compact (PriceMentions) and built on read: each read is equal to the
    // mention built directly, and the list behaves as the List.copyOf list extraction returned before
    Advert a = Advert.builder("a", "rates: €100 1 hour, 80.50 eur hh, 150-200 roses 2 hours, 3000 руб за час, 60 qv")
        .title("$80 hh").price(Price.of("120.00", "EUR", 60)).build();
    List<PriceMention> prices = X.extract(a, "GBP");
    assertThat(prices).isInstanceOf(PriceMentions.class);
    List<PriceMention> eager = List.of(
        new PriceMention(new BigDecimal("120"), "EUR", 60, -1, -1, "prices[0]"),
        new PriceMention(new BigDecimal("80"), "USD", 30, 0, 6, "title"),
        new PriceMention(new BigDecimal("100"), "EUR", 60, at(a, "€100"), at(a, "€100") + 11, null),
        new PriceMention(new BigDecimal("80.5"), "EUR", 30, at(a, "80.50 eur hh"), at(a, "80.50 eur hh") + 12, null),
        new PriceMention(new BigDecimal("150"), "GBP", 120, at(a, "150-200"), at(a, "150-200") + 21, null),
        new PriceMention(new BigDecimal("200"), "GBP", 120, at(a, "150-200"), at(a, "150-200") + 21, null),
        new PriceMention(new BigDecimal("3000"), "RUB", 60, at(a, "3000"), at(a, "3000") + 15, null),
        new PriceMention(new BigDecimal("60"), "GBP", 15, at(a, "60 qv"), at(a, "60 qv") + 5, null));
    assertThat(prices).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
    for (int i = 0; i < prices.size(); i++) {
      assertThat(prices.get(i)).isEqualTo(eager.get(i)).isEqualTo(prices.get(i));
      assertThat(prices.get(i).amount().scale()).isEqualTo(eager.get(i).amount().scale());
    }
    assertThat(List.copyOf(prices)).isEqualTo(prices);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> prices.contains(null)).isInstanceOf(NullPointerException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> prices.add(eager.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> prices.get(8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(X.extract("no price here")).isEmpty();
    assertThat(X.extract(Advert.builder("b", "none").build(), null)).isEmpty();
  }

  @Test
  void lowestHourlyRateOfTheCompactListIsTheGeneralOne() {
    // HourlyRate.lowest reads a PriceMentions without building every mention: same winner, same rate
    java.util.Random r = new java.util.Random(7);
    String[] cur = {"$", "€", " eur", " usd", " roses", " руб", ""};
    String[] dur = {" hh", " 1 hour", " 30 min", " 2 hours", "", " qv", " 45 min", " 3 hours"};
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder("rates: ");
      for (int k = r.nextInt(6); k >= 0; k--) {
        String c = cur[r.nextInt(cur.length)];
        String amount = (1 + r.nextInt(100000)) + (r.nextInt(3) == 0 ? "." + r.nextInt(100) : "");
        text.append(c.equals("$") || c.equals("€") ? c + amount : amount + c).append(dur[r.nextInt(dur.length)]).append(", ");
      }
      Advert.Builder b = Advert.builder("a", text.toString());
      if (r.nextInt(5) == 0) b.price(Price.of("150", r.nextBoolean() ? "EUR" : "USD", r.nextBoolean() ? 60 : null));
      Advert a = b.build();
      for (String market : new String[] {"EUR", "USD", "RUB", null}) {
        List<PriceMention> compact = X.extract(a, market);
        for (String c : new String[] {"EUR", "USD", "RUB", "GBP"}) {
          assertThat(HourlyRate.lowest(compact, c)).as(text + " " + c).isEqualTo(HourlyRate.lowest(List.copyOf(compact), c));
        }
      }
    }
    for (int n = 0; n < 100_000; n++) {
      long cents = n < 50_000 ? 1 + r.nextInt(10_000_000) : 1 + (r.nextLong() & Long.MAX_VALUE) % 100_000_000_000L;
      assertThat(cents / 100.0).isEqualTo(PriceMentions.amount(cents).doubleValue());
    }
  }

  private static int at(Advert a, String part) { return a.text().indexOf(part); }
}
