package org.redflag.identifier;

/**
 * Brings a phone number to one form so that the same number written nationally and internationally
 * links: digits only, with the country calling code when it is known.
 *
 * <p>Rules, on the scanner's digits (a leading {@code +} kept): a number written with {@code +} or
 * with the international prefix {@code 00} keeps its digits after it. With a default country code
 * {@code C}: a number with one leading {@code 0} (a national trunk prefix, {@code 07700 …}) becomes
 * {@code C} and the digits after the 0; a number that starts with {@code C} and has more than 10 digits
 * is taken as already international; any other gets {@code C} in front. Without a default country
 * code, national numbers stay as written, so {@code +1 555 …} and {@code 555 …} do not link. Rules for
 * trunk prefixes that are not {@code 0} (for example {@code 8} in Russia) are not applied; libphonenumber's
 * per-region metadata would be the next step if that matters for a market.
 *
 * <p>Package-private: {@link IdentifierExtractor#withDefaultCountryCode} is the API that chooses it.
 */
final class PhoneNormaliser {
  private final String countryCode;

  private PhoneNormaliser(String countryCode) { this.countryCode = countryCode; }

  /** No default country code. */
  static PhoneNormaliser none() { return new PhoneNormaliser(null); }

  /** With a default country calling code of 1 to 3 digits, without {@code +} ({@code "1"}, {@code "44"}). */
  static PhoneNormaliser withDefaultCountryCode(String code) {
    if (code == null || !code.matches("[1-9][0-9]{0,2}")) {
      throw new IllegalArgumentException("default country code must be 1 to 3 digits without '+' or leading 0, was '"
          + (code == null ? "null" : code.length() > 8 ? code.substring(0, 8) + "…" : code) + "'");
    }
    return new PhoneNormaliser(code);
  }

  /** The default country code, or null. */
  String countryCode() { return countryCode; }

  /** {@code digits}: the scanner's normalised number (ASCII digits, optionally a leading {@code +}). */
  String normalise(String digits) {
    if (digits.startsWith("+")) return digits.substring(1);
    if (digits.startsWith("00") && digits.length() > 9) return digits.substring(2);
    if (countryCode == null) return digits;
    if (digits.startsWith("0")) return countryCode + digits.substring(1);
    if (digits.startsWith(countryCode) && digits.length() > 10) return digits;
    return countryCode + digits;
  }
}
