package org.redflag.identifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.redflag.advert.Advert;

/**
 * Finds the contact identifiers of an advert, normalised for linking: phone numbers (plain and
 * obscured, {@link PhoneNumberScanner}, normalised by {@code PhoneNormaliser}), e-mail addresses, web
 * addresses and messenger handles ({@link ContactScanner}), in the text, the title and each entry of
 * the advert's {@code contacts}. Immutable and thread-safe; linear in the length of the advert.
 *
 * <p>A phone number inside an e-mail address, web address or handle ({@code wa.me/1555…}) is
 * reported once, as what contains it. A {@code contacts} entry in which nothing is recognised is taken
 * whole as a handle of no named platform (lower-cased, trimmed): the field holds identifiers by
 * definition.
 */
public final class IdentifierExtractor {
  private static final IdentifierExtractor DEFAULT = new IdentifierExtractor(PhoneNormaliser.none());

  private final PhoneNormaliser phones;

  private IdentifierExtractor(PhoneNormaliser phones) { this.phones = phones; }

  /** No default country code: national phone numbers stay as written. */
  public static IdentifierExtractor defaults() { return DEFAULT; }

  /** National phone numbers get {@code countryCode} (1-3 digits, e.g. {@code "1"}, {@code "44"}). */
  public static IdentifierExtractor withDefaultCountryCode(String countryCode) {
    return new IdentifierExtractor(PhoneNormaliser.withDefaultCountryCode(countryCode));
  }

  /** All identifiers of the advert: text first, then title, then contacts, each in order of position. */
  public List<Identifier> extract(Advert advert) {
    Objects.requireNonNull(advert, "advert");
    List<Identifier> out = new ArrayList<>();
    out.addAll(extract(advert.text(), null));
    String title = advert.title().orElse(null);
    if (title != null) out.addAll(extract(title, "title"));
    List<String> contacts = advert.contacts();
    for (int i = 0; i < contacts.size(); i++) {
      String c = contacts.get(i);
      String field = "contacts[" + i + "]";
      List<Identifier> found = extract(c, field);
      if (found.isEmpty()) {
        String whole = c.strip().toLowerCase(Locale.ROOT);
        int start = c.indexOf(c.strip());
        if (!whole.isEmpty()) found = List.of(new Identifier(IdentifierType.HANDLE, "@" + whole, start, start + c.strip().length(), field));
      }
      out.addAll(found);
    }
    return out;
  }

  /** The identifiers of one string, tagged with {@code field} (null for the advert text). */
  public List<Identifier> extract(String text, String field) {
    Objects.requireNonNull(text, "text");
    List<Identifier> contacts = ContactScanner.defaults().scan(text, phones);
    List<PhoneNumberScanner.Candidate> numbers = PhoneNumberScanner.defaults().scan(text);
    if (contacts.isEmpty() && numbers.isEmpty()) return List.of();
    List<Identifier> out = new ArrayList<>(contacts.size() + numbers.size());
    for (Identifier c : contacts) out.add(field == null ? c : c.inField(field));
    // contacts are sorted by start and do not overlap: one forward walk finds a number's container
    int k = 0;
    for (PhoneNumberScanner.Candidate p : numbers) {
      while (k < contacts.size() && contacts.get(k).end() <= p.start()) k++;
      if (k < contacts.size() && contacts.get(k).start() < p.end()) continue; // inside (or across) a contact
      out.add(new Identifier(IdentifierType.PHONE, phones.normalise(p.normalised()), p.start(), p.end(), field));
    }
    out.sort(Comparator.comparingInt(Identifier::start));
    return out;
  }
}
