package org.redflag.advert;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A structured price the caller already knows for an advert: an amount, an optional ISO 4217
 * currency code and an optional duration in minutes. Structured prices take precedence over prices
 * extracted from free text.
 */
public record Price(BigDecimal amount, String currency, Integer minutes) {
  /**
   * Most digits an amount may have before, and after, the decimal point. Bounding both keeps every
   * amount cheap to normalise, compare and print: {@code 1e1000000} is seven characters of JSON but a
   * million digits in plain form. Messages never quote the rejected value (it may be anything).
   */
  public static final int MAX_DIGITS = 12;

  public Price {
    Objects.requireNonNull(amount, "price amount");
    if (amount.signum() <= 0) throw new IllegalArgumentException("price amount must be positive");
    // one representation per value, so 100 and 100.00 are equal prices
    amount = amount.stripTrailingZeros();
    if (amount.precision() - (long) amount.scale() > MAX_DIGITS || amount.scale() > MAX_DIGITS) {
      throw new IllegalArgumentException("price amount is out of range (at most " + MAX_DIGITS
          + " digits before and after the decimal point)");
    }
    if (amount.scale() < 0) amount = amount.setScale(0);
    if (currency != null) {
      if (currency.length() != 3 || !currency.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        throw new IllegalArgumentException("price currency must be a three-letter ISO 4217 code");
      }
      currency = currency.toUpperCase(Locale.ROOT);
    }
    if (minutes != null && minutes <= 0) throw new IllegalArgumentException("price minutes must be positive");
  }

  public static Price of(String amount, String currency, Integer minutes) {
    return new Price(new BigDecimal(amount), currency, minutes);
  }
}
