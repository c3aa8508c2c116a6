package org.redflag.indicator.builtin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;
import org.redflag.identifier.PhoneNumberScanner;
import org.redflag.identifier.PhoneNumberScanner.Candidate;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/**
 * {@code phone.obscured}: a phone number written to dodge scrapers (digits as words, words mixed with
 * digits, a separator between every digit, emoji keycaps, the letter O for zero). A plainly written
 * number does not fire. Reads the advert text and title with {@link PhoneNumberScanner} over the
 * original strings, so evidence spans index into them exactly.
 *
 * <p>Strength: {@value #ONE_TECHNIQUE} when the obscured numbers show one technique, {@value
 * #SEVERAL_TECHNIQUES} when they show two or more (a deliberate combination is a clearer signal than,
 * say, a number spelled out once). Each number's evidence has {@code details.number}, the normalised
 * number passed through {@link IdentifierHasher#protect} (a keyed hash unless the caller asked to
 * reveal identifiers), and {@code details.techniques}, the rule ids seen; {@code entry} is the rule
 * id of the number's first technique.
 */
public final class ObscuredPhoneIndicator implements Indicator {
  public static final String ID = "phone.obscured";
  public static final double ONE_TECHNIQUE = 0.6;
  public static final double SEVERAL_TECHNIQUES = 1.0;
  /** Provenance: general, not a quotation. */
  public static final String SOURCE = "OSCE red-flag guidance on online advertisements: contact details "
      + "obscured or written to avoid detection; obscured phone numbers were also one of four predictors in the "
      + "JRSA/NIJ-funded study of 1,263 escort adverts with known outcomes";

  private final PhoneNumberScanner scanner;

  public ObscuredPhoneIndicator() { this(PhoneNumberScanner.defaults()); }

  public ObscuredPhoneIndicator(PhoneNumberScanner scanner) { this.scanner = scanner; }

  @Override public String id() { return ID; }

  @Override
  public String description() {
    return "A phone number is written to avoid automatic detection: digits as words, separated digits, emoji or letter substitutions.";
  }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    // scan first: most adverts have no obscured number, and then nothing is allocated (AssessBenchmark)
    String text = analysis.advert().text();
    String title = analysis.advert().title().orElse(null);
    List<Candidate> inText = scanner.scanObscured(text);
    List<Candidate> inTitle = title == null ? List.of() : scanner.scanObscured(title);
    if (inText.isEmpty() && inTitle.isEmpty()) return IndicatorOutcome.none();
    List<Evidence> evidence = new ArrayList<>(inText.size() + inTitle.size());
    Set<Technique> seen = EnumSet.noneOf(Technique.class);
    IdentifierHasher hasher = analysis.hasher();
    collect(inText, text, null, hasher, evidence, seen);
    collect(inTitle, title, "title", hasher, evidence, seen);
    return IndicatorOutcome.fired(seen.size() > 1 ? SEVERAL_TECHNIQUES : ONE_TECHNIQUE, evidence);
  }

  private static void collect(List<Candidate> obscured, String text, String field, IdentifierHasher hasher, List<Evidence> out,
      Set<Technique> seen) {
    for (int i = 0; i < obscured.size(); i++) {
      Candidate c = obscured.get(i);
      seen.addAll(c.techniques());
      List<String> rules = c.techniques().stream().map(Technique::ruleId).toList();
      Evidence e = new Evidence(ID, c.start(), c.end(), text.substring(c.start(), c.end()), rules.get(0), SOURCE, field,
          Map.of("number", hasher.protect(c.normalised()), "techniques", rules));
      out.add(hasher.reveals() ? e : e.maskMatch()); // the readable number next to its hash would undo the hash
    }
  }
}
