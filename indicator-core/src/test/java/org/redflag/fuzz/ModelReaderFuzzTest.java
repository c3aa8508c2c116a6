package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.redflag.risk.LogisticRiskModel;
import org.redflag.risk.ModelFormatException;

/** The model file reader on arbitrary text. Declared: ModelFormatException. */
public class ModelReaderFuzzTest {
  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    FuzzChecks.timed("reading a model", () -> {
      try {
        LogisticRiskModel.parse("fuzz.json", input);
      } catch (ModelFormatException expected) {
        // reported by file and JSON path
      }
      return null;
    });
  }
}
