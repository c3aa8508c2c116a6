package org.redflag.link;

import java.util.List;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierMention;
import org.redflag.identifier.IdentifierType;
import org.redflag.identifier.PhoneNumberScanner;

/**
 * Which identifier mentions may join adverts. A phone number written with fewer than {@value
 * #MIN_PHONE_DIGITS} digits is listed and reported but does not join: seven digits are a local number
 * without its area code ({@code 555 0134}), which names a line only within one area, so across a market
 * it is shared by unrelated posters; so is what is left of a longer number split by an inserted word
 * ({@code (396) now 555 0134}). The count is of the digits as written (a {@code +} and separators not
 * counted, digits written as words counted), read again from the mention's span with the phone scanner,
 * so the rule needs no readable number and holds when identifiers are hashed.
 *
 * <p>Public for other implementations of linking (a Spark job) to apply the same rule.
 */
public final class JoinRule {
  /** Least digits, as written, of a phone number that joins adverts. */
  public static final int MIN_PHONE_DIGITS = 8;

  private JoinRule() {}

  /**
   * Whether {@code mention}, found in {@code advert}, may join it to other adverts: every mention that is
   * not a phone number, and a phone number with at least {@value #MIN_PHONE_DIGITS} digits in its span.
   * A mention whose span cannot be read in the advert (a caller's own mention without a span) joins: the
   * rule then has nothing to go by.
   */
  public static boolean joinable(Advert advert, IdentifierMention mention) {
    if (mention.type() != IdentifierType.PHONE) return true;
    String field = fieldText(advert, mention.field());
    if (field == null || mention.start() < 0 || mention.end() > field.length() || mention.start() >= mention.end()) return true;
    int digits = 0;
    for (PhoneNumberScanner.Candidate c : PhoneNumberScanner.defaults().scan(field.substring(mention.start(), mention.end()))) {
      digits = Math.max(digits, c.digitCount());
    }
    return digits >= MIN_PHONE_DIGITS;
  }

  /** The text a mention's span refers to: the advert text (null field), the title, or {@code contacts[i]}. */
  private static String fieldText(Advert advert, String field) {
    if (field == null) return advert.text();
    if (field.equals("title")) return advert.title().orElse(null);
    if (field.startsWith("contacts[") && field.endsWith("]")) {
      List<String> contacts = advert.contacts();
      try {
        int i = Integer.parseInt(field, "contacts[".length(), field.length() - 1, 10);
        return i >= 0 && i < contacts.size() ? contacts.get(i) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
