package org.redflag.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.redflag.advert.Advert;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.JsonLinesReader;

/** The JSONL advert reader: bytes to lines to adverts to the canonical record of the digest. Declared: AdvertFormatException. */
public class AdvertReaderFuzzTest {
  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    FuzzChecks.timed("reading adverts", () -> {
      try (JsonLinesReader r = new JsonLinesReader(new ByteArrayInputStream(input))) {
        JsonLinesReader.Line line;
        while ((line = r.next()) != null) {
          if (!line.ok()) continue;
          try {
            Advert a = AdvertJson.parse(line.text());
            FuzzChecks.bounded("canonical record bytes", AdvertJson.canonicalRecord(a).length, 6L * line.text().length() + 64);
          } catch (AdvertFormatException expected) {
            FuzzChecks.bounded("error message length", expected.getMessage().length(), 200);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a byte array cannot fail to read
      }
      return null;
    });
  }
}
