package org.redflag.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.redflag.fit.report.AssessedAdvert;
import org.redflag.fit.report.AssessmentSummary;
import org.redflag.fit.report.GroupField;
import org.redflag.io.AdvertLine;

/**
 * A market summary ({@link AssessmentSummary}, the one behind {@code redflag report}) over some of
 * the input lines, with the count of lines read and of invalid ones and the first invalid lines' error
 * records. Parts merge in any order and grouping to the part of all lines: each partition fills its
 * own, Spark merges them in a tree, and the driver draws the report from the last.
 */
public final class MarketSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Error records kept for the driver to print; the count is always exact. */
  static final int ERRORS_KEPT = 100;

  private final AssessmentSummary summary;
  private long lines;
  private long invalid;
  /** (line, error record) of the first invalid lines, by line number. */
  private final List<Object[]> errors = new ArrayList<>();

  MarketSummary(List<GroupField> by) { this.summary = new AssessmentSummary(by); }

  /** The summary of every valid line. */
  public AssessmentSummary summary() { return summary; }

  /** Lines read. */
  public long lines() { return lines; }

  /** Lines that were neither an advert nor an assessment (their error records: {@link #errors()}). */
  public long invalid() { return invalid; }

  /** The error records of the first {@value #ERRORS_KEPT} invalid lines, in line order. */
  public List<String> errors() {
    List<String> out = new ArrayList<>();
    for (Object[] e : errors) out.add((String) e[1]);
    return out;
  }

  /** Counts line {@code lineNo}: an advert is assessed with {@code spec}'s engine, an assessment read as it is. */
  MarketSummary add(long lineNo, String line, EngineSpec spec) { return add(lineNo, line, spec, null); }

  /**
   * As {@link #add(long, String, EngineSpec)}, with the size of the advert's cluster from {@code redflag
   * link} (0: the links hold no record of it, as the command counts it), or null when no links were given.
   */
  MarketSummary add(long lineNo, String line, EngineSpec spec, Integer clusterSize) {
    lines++;
    JsonNode node = null;
    try {
      node = AdvertLine.object(line);
      AssessedAdvert a = AssessedAdvert.fromLine(node, spec::engine, Engines.baselines(spec));
      summary.add(clusterSize == null ? a : a.withClusterSize(clusterSize));
    } catch (RuntimeException e) { // any failure of one line is that line's error record, as in the CLI
      invalid++;
      errors.add(new Object[] {lineNo, AdvertLine.errorRecord(lineNo, node, AdvertLine.describe(e))});
      trim();
    }
    return this;
  }

  /** Adds {@code other} to this part (which it returns). */
  MarketSummary merge(MarketSummary other) {
    summary.merge(other.summary);
    lines += other.lines;
    invalid += other.invalid;
    errors.addAll(other.errors);
    trim();
    return this;
  }

  private void trim() {
    errors.sort(Comparator.comparingLong(e -> (Long) e[0]));
    while (errors.size() > ERRORS_KEPT) errors.remove(errors.size() - 1);
  }
}
