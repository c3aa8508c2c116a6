package org.redflag.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;

/**
 * {@code nlp.third-person}: the advert describes the person offered in the third person ("She is new in
 * town … call to book her") rather than in the first person ("I am …"), which suggests that someone
 * other than that person writes the advert. Reads the pronoun profile from {@link NlpStage}; makes no
 * call when that stage is not installed (so it is deliberately not listed for ServiceLoader discovery:
 * install it with {@link RedflagNlp#component()}).
 *
 * <p>Fires when, outside quotation marks (quoted client reviews naturally speak of "her"), there are at
 * least {@link #MIN_MENTIONS} third-person-singular pronouns and they make up at least
 * {@link #MIN_SHARE} of the singular personal pronouns (first + third person). A single "her" in a
 * first-person advert therefore never fires. Strength grows with the share and with the number of
 * mentions, saturating at {@link #SATURATION} mentions. Evidence: each counted third-person pronoun.
 */
public final class ThirdPersonNarrationIndicator implements Indicator {
  public static final String ID = "nlp.third-person";
  public static final int MIN_MENTIONS = 2;
  public static final double MIN_SHARE = 0.6;
  public static final int SATURATION = 4;
  static final String ENTRY = "rule:nlp.third-person";
  static final String SOURCE = "Practitioner red-flag lists for online sex-work adverts (e.g. NGO and law-enforcement "
      + "training material) cite adverts written about the person in the third person as a sign of a third party "
      + "writing or managing the advert; heuristic, not validated on outcome data here.";

  @Override
  public String id() { return ID; }

  @Override
  public String description() {
    return "The advert refers to the person offered in the third person (she/her, sie/ihr, она/её) rather than the first person.";
  }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    Optional<NlpFeatures> features = analysis.get(NlpStage.FEATURES);
    if (features.isEmpty()) return IndicatorOutcome.none();
    NlpFeatures f = features.get();
    int third = f.count(3, false);
    int first = f.count(1, false);
    if (third < MIN_MENTIONS) return IndicatorOutcome.none();
    double share = (double) third / (third + first);
    if (share < MIN_SHARE) return IndicatorOutcome.none();
    double strength = share * Math.min(1.0, (double) third / SATURATION);
    String text = analysis.advert().text();
    List<Evidence> evidence = new ArrayList<>();
    for (PronounMention p : f.pronouns()) {
      if (p.quoted() || p.person() != 3 || p.plural()) continue;
      evidence.add(Evidence.inText(ID, text, p.start(), p.end(), ENTRY, SOURCE));
    }
    return new IndicatorOutcome(strength, evidence, Map.of("nlp.third-person.singular-share", share));
  }
}
