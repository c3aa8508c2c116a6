package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The extractor tokenizes only windows of text around digits ({@code PriceExtractor.tokenize}); on any
 * text it finds exactly the prices of the scan that reads every token ({@code extractWhole}). The
 * generated texts put rates words, durations, currency words, labels and numbers of every shape at
 * all distances from each other, with filler runs long enough to make windows and gaps between them.
 */
class PriceExtractorWindowProperties {
  static final PriceExtractor X = PriceExtractor.defaults();

  /** Pieces with a role for prices: numbers, markers, durations, rates and range words, labels, joiners. */
  static final List<String> PIECES = List.of("80", "150", "1,000", "5 000", "2.500", "80.50", "12.05.2024", "555-0183",
      "10:30", "24/7", "1/2", "23", "05", "$", "€", "₽", "US$", "C$", "usd", "EUR", "euro", "roses", "руб", "hh", "qv",
      "hr", "hour", "hours", "half", "an", "full", "min", "30min", "1h", "Std.", "Stunde", "час", "полчаса", "per", "for",
      "the", "a", "to", "bis", "-", "–", "/", ":", "(", ")", "=", "@", ".", ",", "rates", "Preise", "цена", "price",
      "age", "tel", "yo", "cm", "pm", "dd", "%", "#", "+", "'", "\"", "no", "two", "drei",
      // whole prices whose parts reach furthest from the number
      "$80 for half an hour", "100 € per a full hour", "€50 - 30 min", "hh: $80", "$80 to $100 / 2 hours",
      "80-100$ the hour", "rates: 1h 100");

  /** Words without a role for prices, in several scripts. */
  static final List<String> FILLER = List.of("sweet", "new", "in", "town", "call", "me", "now", "Hallo", "Liebe",
      "привет", "новая", "hello", "incall", "only", "xoxo", "Ñandú", "ünd", "garçon");

  static final List<String> SPACES = List.of(" ", " ", " ", "  ", "\n", "\t", "\u00A0", "\u202F", "", "\r\n");

  @Provide
  Arbitrary<String> advert() {
    Arbitrary<String> piece = Arbitraries.of(PIECES);
    Arbitrary<String> filler = Arbitraries.of(FILLER);
    // runs of filler from none to longer than the windows' reach, so windows merge, touch and part
    Arbitrary<List<String>> fillerRun = filler.list().ofMaxSize(70);
    Arbitrary<List<String>> part = Arbitraries.oneOf(piece.list().ofMinSize(1).ofMaxSize(5), fillerRun);
    Arbitrary<List<String>> spaces = Arbitraries.of(SPACES).list().ofMinSize(400).ofMaxSize(400);
    return part.list().ofMaxSize(16).flatMap(parts -> spaces.map(sp -> {
      StringBuilder s = new StringBuilder();
      int k = 0;
      for (List<String> p : parts) {
        for (String w : p) {
          s.append(w).append(sp.get(k++ % sp.size()));
        }
      }
      return s.toString();
    }));
  }

  @Property(tries = 1500)
  void windowsFindWhatTheWholeScanFinds(@ForAll("advert") String text) {
    assertThat(X.extract(text, "EUR")).as(text).isEqualTo(X.extractWhole(text, "EUR"));
  }

  @Property(tries = 300)
  void arbitraryTextAgrees(@ForAll String text) {
    assertThat(X.extract(text)).as(text).isEqualTo(X.extractWhole(text, null));
  }

  /** The cases the window sizes are made for, one by one, at the exact distances where they matter. */
  @Example
  void ratesListAndDurationsAtTheWindowsEdges() {
    for (int words = 0; words <= 45; words++) {
      String filler = (words % 2 == 0 ? "sweet " : "new \n\n  ").repeat(words);
      List<String> texts = new ArrayList<>();
      texts.add("rates " + filler + "hh 100");          // a rates word far before a bare number
      texts.add("$80 " + filler + "hh 100");            // a price opens a rates list
      texts.add("80 " + filler + "hour $90 half an hour 100");
      texts.add(filler + "US$50 " + filler + "-20 $5 " + filler + "age: 23 " + filler + "30 min");
      texts.add("$100 for half an hour " + filler + "rates 50 " + filler);
      texts.add("80 to 100 € per a full hour " + filler + "€50 " + filler + "- 30 min");
      for (String t : texts) {
        assertThat(X.extract(t, "EUR")).as(t).isEqualTo(X.extractWhole(t, "EUR"));
      }
    }
  }
}
