package org.redflag.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.io.AssessmentJson;

/**
 * One input line to its output line, as {@code redflag score} does it: the assessment JSON line of
 * a valid advert, or the error record {@code {"line": N, "id": ..., "error": "..."}} of a line that
 * is not one ({@link AdvertLine}, shared with the command), plus the typed values of the assessment.
 */
final class AdvertLineScorer {
  /** One scored line; {@code score}, {@code band} and {@code fired} are null for an error record, {@code error} for a valid advert. */
  record Result(String id, String json, Double score, String band, List<String> fired, String error) {}

  private final RiskEngine engine;

  AdvertLineScorer(RiskEngine engine) { this.engine = engine; }

  Result score(long lineNo, String line) {
    JsonNode node = null;
    try {
      node = AdvertLine.object(line);
      Assessment a = engine.assess(AdvertJson.read(node));
      List<String> fired = new ArrayList<>();
      for (IndicatorResult r : a.fired()) fired.add(r.id());
      return new Result(a.id(), AssessmentJson.toJsonLine(a), a.score(), a.band().name(), fired, null);
    } catch (RuntimeException | StackOverflowError e) { // as the command: any failure of a line is its error record
      String error = AdvertLine.describe(e);
      return new Result(AdvertJson.idForErrors(node), AdvertLine.errorRecord(lineNo, node, error), null, null, null, error);
    }
  }
}
