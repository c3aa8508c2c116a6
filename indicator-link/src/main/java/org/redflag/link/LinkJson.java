package org.redflag.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON forms of links and clusters, one object per line (LINKS.jsonl, CLUSTERS.jsonl). Field
 * names are fixed: {@code id, cluster, clusterSize, linkedBy, template} for a link; for a cluster
 * {@code cluster, size, members, identifiers, sites, markets, postedAt, statedAges, templates,
 * indicators, score}.
 */
public final class LinkJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LinkJson() {}

  public static ObjectNode toJson(AdvertLink l) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", l.id());
    o.put("cluster", l.cluster());
    o.put("clusterSize", l.clusterSize());
    ArrayNode by = o.putArray("linkedBy");
    l.linkedBy().forEach(by::add);
    if (l.template() == null) o.putNull("template"); else o.put("template", l.template());
    return o;
  }

  public static ObjectNode toJson(ClusterSummary c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("cluster", c.id());
    o.put("size", c.size());
    ArrayNode m = o.putArray("members");
    c.members().forEach(m::add);
    ObjectNode ids = o.putObject("identifiers");
    int total = 0;
    for (int v : c.identifiers().values()) total += v;
    ids.put("distinct", total);
    ObjectNode byType = ids.putObject("byType");
    c.identifiers().forEach(byType::put);
    o.put("sites", c.sites());
    o.put("markets", c.markets());
    ObjectNode p = o.putObject("postedAt");
    if (c.firstPostedAt() == null) {
      p.putNull("first");
      p.putNull("last");
      p.putNull("spanDays");
    } else {
      p.put("first", c.firstPostedAt().toString());
      p.put("last", c.lastPostedAt().toString());
      p.put("spanDays", Math.round((c.lastPostedAt().getEpochSecond() - c.firstPostedAt().getEpochSecond()) / 864.0) / 100.0);
    }
    ObjectNode ages = o.putObject("statedAges");
    ages.put("distinct", c.statedAges());
    ages.put("membersStating", c.membersStatingAge());
    ArrayNode ts = o.putArray("templates");
    for (ClusterSummary.Template t : c.templates()) {
      ObjectNode to = ts.addObject();
      to.put("template", t.id());
      to.put("size", t.size());
      to.put("text", t.text());
      ArrayNode slots = to.putArray("slots");
      t.slots().forEach(slots::add);
      ArrayNode es = to.putArray("edits");
      for (Edit e : t.edits()) es.add(toJson(e));
    }
    ObjectNode ind = o.putObject("indicators");
    c.indicatorShares().forEach((k, v) -> ind.put(k, Math.round(v * 1e4) / 1e4));
    ObjectNode score = o.putObject("score");
    if (Double.isNaN(c.maxScore())) {
      score.putNull("max");
      score.putNull("median");
    } else {
      score.put("max", Math.round(c.maxScore() * 1e6) / 1e6);
      score.put("median", Math.round(c.medianScore() * 1e6) / 1e6);
    }
    return o;
  }

  public static ObjectNode toJson(Edit e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", e.id());
    o.put("previous", e.previous());
    list(o, "wordsAdded", e.wordsAdded());
    list(o, "wordsRemoved", e.wordsRemoved());
    list(o, "numbersAdded", e.numbersAdded());
    list(o, "numbersRemoved", e.numbersRemoved());
    o.put("identifiersAdded", e.identifiersAdded());
    o.put("identifiersRemoved", e.identifiersRemoved());
    list(o, "pricesAdded", e.pricesAdded());
    list(o, "pricesRemoved", e.pricesRemoved());
    if (e.statedAge() == null) o.putNull("statedAge"); else o.put("statedAge", e.statedAge());
    return o;
  }

  private static void list(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }

  /** One line of JSON. */
  public static String line(ObjectNode o) { return o.toString(); }
}
