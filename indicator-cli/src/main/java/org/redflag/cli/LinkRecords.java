package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertLine;

/**
 * How {@code report --links} reads one line of {@code redflag link}'s output, for the command and for
 * {@code redflag-spark.jar report --links}: a record gives an advert id its cluster size; an error
 * record of link (a line it could not read) is skipped by the caller and counted; anything else is bad.
 */
public final class LinkRecords {
  private LinkRecords() {}

  /**
   * The (id, cluster size) of a LINKS record, or null for link's error record.
   *
   * @throws AdvertFormatException naming the JSON path of a missing or malformed field
   */
  public static Map.Entry<String, Integer> read(JsonNode node) {
    if (AdvertLine.isErrorRecord(node)) return null;
    JsonNode id = node.get("id");
    JsonNode size = node.get("clusterSize");
    if (id == null || !id.isTextual()) throw new AdvertFormatException("$.id", "expected the advert id (a string)");
    if (size == null || !size.isIntegralNumber() || !size.canConvertToInt() || size.asInt() < 1) {
      throw new AdvertFormatException("$.clusterSize", "expected a positive integer");
    }
    return Map.entry(id.asText(), size.asInt());
  }
}
