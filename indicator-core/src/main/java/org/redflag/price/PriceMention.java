package org.redflag.price;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price found in an advert: amount, ISO 4217 currency (null when the text gives none), duration in
 * minutes (null when not stated), and where it was found: a span of the original text
 * ({@code start}/{@code end}, UTF-16) or, for structured prices, the field (e.g. {@code prices[0]}) with
 * start and end of -1.
 */
public record PriceMention(BigDecimal amount, String currency, Integer minutes, int start, int end, String field) {
  public PriceMention {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) throw new IllegalArgumentException("price amount must be positive, was " + amount.toPlainString());
    if (minutes != null && minutes <= 0) throw new IllegalArgumentException("price minutes must be positive, was " + minutes);
    if (start < -1 || end < start) throw new IllegalArgumentException("invalid price span [" + start + ", " + end + ")");
    if (start < 0 && field == null) throw new IllegalArgumentException("a price needs a text span or a field");
  }

  /** Amount per hour, when the duration is known. */
  public java.util.OptionalDouble hourlyRate() {
    return minutes == null ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(amount.doubleValue() * 60.0 / minutes);
  }
}
