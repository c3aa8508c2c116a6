package org.redflag.link;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.identifier.IdentifierMention;

/**
 * What a {@link ClusterSummary} reads of one member: the advert's fields, its assessment's score, fired
 * indicators and identifier hashes, the ages it states (as bits, never as values in output) and, when it
 * shares a template of two or more, that template and the member's {@link Edit}. A cluster's summary is
 * a function of its members' facts in input order ({@link ClusterSummary#of}), which is what lets the
 * Spark job write the same CLUSTERS lines as {@code redflag link}: it gathers the facts of a cluster's
 * members from wherever they were computed and calls the same function. Serializable for that job.
 *
 * @param postedAt null when the advert gives none
 * @param statedAgeBits ages 10-99 the advert states, bit {@code a} of a two-long bit set (see {@code StatedAges})
 * @param score NaN when the advert was linked without an assessment
 * @param identifiers the advert's identifier hashes, each once, with their type label, in order of first mention
 * @param template the template of two or more the member shares, null when none
 */
public record ClusterMember(String id, String site, String market, Instant postedAt, long statedAgeBitsLow,
    long statedAgeBitsHigh, List<String> fired, float score, Map<String, String> identifiers, TemplateMembership template)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ClusterMember {
    Objects.requireNonNull(id, "id");
    fired = List.copyOf(fired);
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
  }

  /** The facts of an assessed advert, without a template ({@link #withTemplate} adds it). */
  public static ClusterMember of(Advert advert, Assessment assessment, TemplateFeatures features) {
    List<String> fired = new ArrayList<>();
    for (IndicatorResult r : assessment.indicators()) if (r.fired()) fired.add(r.id());
    Map<String, String> ids = new LinkedHashMap<>();
    for (IdentifierMention m : assessment.identifiers()) ids.putIfAbsent(m.hash(), m.type().label());
    long[] ages = StatedAges.of(features);
    return new ClusterMember(advert.id(), advert.site().orElse(null), advert.market().orElse(null), advert.postedAt().orElse(null),
        ages[0], ages[1], fired, (float) assessment.score(), ids, null);
  }

  /** This member with its template of two or more (null: none). */
  public ClusterMember withTemplate(TemplateMembership t) {
    return new ClusterMember(id, site, market, postedAt, statedAgeBitsLow, statedAgeBitsHigh, fired, score, identifiers, t);
  }

  boolean statesAge() { return statedAgeBitsLow != 0 || statedAgeBitsHigh != 0; }

  /**
   * A member's template of two or more: its id ({@code t-} and the first member's id), size, text with
   * slots and slot names, and the member's edit from the template's previous member (null for the first
   * member, or when nothing changed).
   */
  public record TemplateMembership(String template, int size, String text, List<String> slots, Edit edit) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TemplateMembership {
      Objects.requireNonNull(template, "template");
      slots = List.copyOf(slots);
    }

    /** The same membership with advert ids renamed (template, edit's advert and previous advert), e.g. from line numbers. */
    public TemplateMembership renamed(java.util.function.UnaryOperator<String> idOf) {
      Edit e = edit == null ? null : new Edit(idOf.apply(edit.id()), idOf.apply(edit.previous()), edit.wordsAdded(), edit.wordsRemoved(),
          edit.numbersAdded(), edit.numbersRemoved(), edit.identifiersAdded(), edit.identifiersRemoved(), edit.pricesAdded(),
          edit.pricesRemoved(), edit.statedAge());
      return new TemplateMembership("t-" + idOf.apply(template.substring(2)), size, text, slots, e);
    }
  }
}
