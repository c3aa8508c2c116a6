package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.redflag.advert.Advert;
import org.redflag.price.PriceExtractor;
import org.redflag.price.PriceMention;

/** Price extraction from free text: never throws, spans inside the text, at most one price per character. */
public class PriceExtractionFuzzTest {
  private static final PriceExtractor EXTRACTOR = PriceExtractor.defaults();

  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    List<PriceMention> prices = FuzzChecks.timed("extracting prices",
        () -> EXTRACTOR.extract(Advert.builder("f", text).build(), null));
    FuzzChecks.bounded("prices", prices.size(), text.length() + 1L);
    for (PriceMention p : prices) {
      if (p.start() < 0 || p.end() > text.length() || p.start() >= p.end()) {
        throw new AssertionError("price span [" + p.start() + ", " + p.end() + ") outside a text of " + text.length());
      }
      if (p.amount().signum() <= 0) throw new AssertionError("price amount not positive");
    }
  }
}
