package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/** The text pipeline: never throws; the folded text stays linear in the original and maps back inside it, in order. */
public class TextPipelineFuzzTest {
  private static final TextPipeline PIPELINE = TextPipeline.defaults();

  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    AnalyzedText t = FuzzChecks.timed("analysing text", () -> PIPELINE.analyze(text));
    FuzzChecks.bounded("folded length", t.length(), 4L * text.length());
    int last = 0;
    for (int i = 0; i < t.length(); i++) {
      int s = t.originalStart(i);
      if (s < last || s >= text.length()) throw new AssertionError("offset " + i + " maps to " + s + " (previous " + last + ")");
      last = s;
    }
  }
}
