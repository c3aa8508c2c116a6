package org.redflag.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;

/**
 * {@code nlp.third-person}: an adult-service advert describes the person or persons offered in the third
 * person ("She is new in town … call to book her", "He will make your night", "our girls", "unsere Jungs",
 * "девушки приедут") rather than in the first person ("I am …"), which suggests that someone other than
 * that person writes the advert. Reads the pronoun and role-noun profile from {@link NlpStage}; makes no
 * call when that stage is not installed (so it is deliberately not listed for ServiceLoader discovery:
 * install it with {@link RedflagNlp#component()}).
 *
 * <p>Gated on the packs' {@value #CONTEXT} context (the advert's category or terms, as pack entries
 * are gated): a job advert asking to "send his/her CV" or a care service speaking of "the patient and
 * her family" is written in the third person for other reasons (codebook: absent for job adverts).
 *
 * <p>Third-person references are the unquoted third-person pronouns of either number (quoted client
 * reviews naturally speak of "her"; the generic "his or her" is left out) and the role nouns that refer
 * to the person offered ({@link RoleMention}). It fires when there are at least {@link #MIN_MENTIONS}
 * of them and they make up at least {@link #MIN_SHARE} of those references plus the first-person-singular
 * pronouns. A single "her" in a first-person advert therefore never fires. Every pronoun and role noun
 * counts the same whatever its gender: gender is no input. Strength grows with the share and with the
 * number of references, saturating at {@link #SATURATION}. Evidence: each counted reference.
 */
public final class ThirdPersonNarrationIndicator implements Indicator {
  public static final String ID = "nlp.third-person";
  /** The pack context the indicator requires (declared by the shipped core packs). */
  public static final String CONTEXT = "adult-services";
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
    return "An adult-service advert refers to the person(s) offered in the third person (she/he/they, \"our girls\", "
        + "sie/er, она/он/они) rather than the first person.";
  }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    Optional<NlpFeatures> features = analysis.get(NlpStage.FEATURES);
    if (features.isEmpty() || !analysis.contextPresent(CONTEXT)) return IndicatorOutcome.none();
    NlpFeatures f = features.get();
    int third = f.count(3, false) + f.count(3, true) + f.roleCount();
    int first = f.count(1, false);
    String text = analysis.advert().text();
    if (third == 0 || third < MIN_MENTIONS && (first > 0 || !hasSubject(f, text) || hasPluralSelf(f, text))) {
      return IndicatorOutcome.none();
    }
    double share = (double) third / (third + first);
    if (share < MIN_SHARE) return IndicatorOutcome.none();
    double strength = share * Math.min(1.0, (double) third / SATURATION);
    List<Evidence> evidence = new ArrayList<>(third);
    for (PronounMention p : f.pronouns()) {
      if (p.quoted() || p.person() != 3) continue;
      evidence.add(Evidence.inText(ID, text, p.start(), p.end(), ENTRY, SOURCE));
    }
    for (RoleMention r : f.roles()) {
      if (r.quoted()) continue;
      evidence.add(Evidence.inText(ID, text, r.start(), r.end(), ENTRY, SOURCE));
    }
    evidence.sort(Comparator.comparingInt(Evidence::start));
    return new IndicatorOutcome(strength, evidence, Map.of("nlp.third-person.share", share));
  }

  /** Subject pronouns: a lone "she is new" narrates; a lone "book her" may be a line about a friend. */
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("she", "he", "they", "er", "sie", "она", "он", "они");

  /**
   * Whether a reference is the subject of a sentence: a subject pronoun, or a role noun (which counts
   * only as a subject or after a determiner, see {@link RoleMention}). One such reference fires in an
   * advert with no first-person pronoun at all: short adverts say it once ("3 Mädels warten auf dich").
   */
  /** "we"/"wir"/"мы" as subject: a duo or a group writing of itself ("we r new in town", "Wir sind 2 TS Girls"). */
  private static boolean hasPluralSelf(NlpFeatures f, String text) {
    for (PronounMention p : f.pronouns()) {
      if (p.quoted() || p.person() != 1 || !p.plural()) continue;
      if (PLURAL_SELF.contains(text.substring(p.start(), p.end()).toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  private static final Set<String> PLURAL_SELF = Set.of("we", "wir", "мы");

  private static boolean hasSubject(NlpFeatures f, String text) {
    for (RoleMention r : f.roles()) if (!r.quoted()) return true;
    for (PronounMention p : f.pronouns()) {
      if (p.quoted() || p.person() != 3) continue;
      if (SUBJECT_PRONOUNS.contains(text.substring(p.start(), p.end()).toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }
}
