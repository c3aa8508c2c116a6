package org.redflag.pack;

import java.util.Objects;

/**
 * A pack's declaration of an indicator it uses (its {@code "indicators"} block). A declared id that no
 * installed indicator provides becomes a lexicon indicator driven by the packs' entries; {@code prior}
 * is its weight in log-odds under the default prior model. Why data and not a class per indicator: a
 * lexicon indicator is fully described by its entries and this block, so adding one needs no Java
 * and its prior cannot be forgotten (see docs/packs.md, "Declaring indicators").
 *
 * @param id dotted lower-case id, e.g. {@code local.crypto-payment}
 * @param description one neutral sentence saying what the indicator looks for
 * @param prior weight in log-odds per unit of strength under the default prior; may be negative
 * @param reason why the prior has this value (shown wherever model weights are audited)
 * @param source where the red flag comes from
 */
public record IndicatorDeclaration(String id, String description, double prior, String reason, String source) {
  /** The form of indicator ids, shared with pack entries and {@code LexiconIndicator}. */
  public static final String ID_FORM = "[a-z0-9]+([.-][a-z0-9]+)*";

  public IndicatorDeclaration {
    if (id == null || !id.matches(ID_FORM)) throw new IllegalArgumentException("indicator id must be dotted lower-case words, was '" + id + "'");
    requireText(description, "description");
    requireText(reason, "reason");
    requireText(source, "source");
    if (!Double.isFinite(prior)) throw new IllegalArgumentException("prior must be a finite number, was " + prior);
  }

  /** This declaration with its prior changed by an overlay's {@code reprior}. */
  IndicatorDeclaration withPrior(PriorChange change) {
    Objects.requireNonNull(change, "change");
    return new IndicatorDeclaration(id, description, change.prior(), change.reason(), source);
  }

  private static void requireText(String s, String field) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException("indicator declaration needs a non-blank " + field);
  }

  /** An overlay's new prior for a declared indicator ({@code "reprior": {"id": {"prior": x, "reason": "..."}}}). */
  public record PriorChange(double prior, String reason) {
    public PriorChange {
      if (!Double.isFinite(prior)) throw new IllegalArgumentException("prior must be a finite number, was " + prior);
      requireText(reason, "reason");
    }
  }
}
