package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.redflag.price.BaselineFormatException;
import org.redflag.price.MarketBaselines;

/** The baseline file reader on arbitrary text, and a lookup in what it read. Declared: BaselineFormatException. */
public class BaselineReaderFuzzTest {
  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    // the market to look up is picked with the input's last byte (Jazzer takes numbers from the end,
    // strings from the start), so the committed seeds, whole baseline files, reach the reader intact
    String market = data.pickValue(new String[] {"metro-a", "stadt-b", "gorod-c", "m", " METRO-A ", ""});
    String input = data.consumeRemainingAsString();
    FuzzChecks.timed("reading a baseline", () -> {
      try {
        MarketBaselines b = MarketBaselines.parse(input, "fuzz.json");
        b.find(market, null).ifPresent(x -> x.rankOf(100.0));
      } catch (BaselineFormatException expected) {
        // reported by file and JSON path
      }
      return null;
    });
  }
}
