package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.redflag.io.JsonFileException;
import org.redflag.pack.PackLoader;

/** The pack loader on arbitrary bytes. Declared: JsonFileException (PackLoadException: file, JSON path, reason). */
public class PackLoaderFuzzTest {
  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    FuzzChecks.timed("loading a pack", () -> {
      try {
        PackLoader.load("fuzz.json", new ByteArrayInputStream(input));
      } catch (JsonFileException expected) {
        // reported by file and JSON path
      }
      return null;
    });
  }
}
