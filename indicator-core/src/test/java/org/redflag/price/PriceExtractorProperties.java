package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A price written in any supported form round-trips (amount, currency, minutes and span), and digit
 * strings that are not prices (phones, ages, heights, sizes, dates, times, 24/7) give none.
 */
class PriceExtractorProperties {
  static final PriceExtractor X = PriceExtractor.defaults();

  enum Side { BEFORE, AFTER }

  record CurrencyForm(String code, String surface, Side side, String gap) {}

  record DurationForm(Integer minutes, String surface, Side side) {}

  record Written(BigDecimal amount, String amountText, CurrencyForm currency, DurationForm duration, String joiner) {
    String phrase() {
      String a = currency.side() == Side.BEFORE ? currency.surface() + currency.gap() + amountText
          : amountText + currency.gap() + currency.surface();
      if (duration.minutes() == null) return a;
      return duration.side() == Side.AFTER ? a + joiner + duration.surface() : duration.surface() + joiner + a;
    }
  }

  static final List<CurrencyForm> CURRENCIES = List.of(
      new CurrencyForm("USD", "$", Side.BEFORE, ""), new CurrencyForm("USD", "$", Side.AFTER, ""),
      new CurrencyForm("USD", "$", Side.AFTER, " "), new CurrencyForm("USD", "usd", Side.AFTER, " "),
      new CurrencyForm("USD", "usd", Side.AFTER, ""), new CurrencyForm("USD", "USD", Side.BEFORE, " "),
      new CurrencyForm("USD", "US$", Side.BEFORE, ""), new CurrencyForm("USD", "dollars", Side.AFTER, " "),
      new CurrencyForm("EUR", "€", Side.BEFORE, ""), new CurrencyForm("EUR", "€", Side.AFTER, " "),
      new CurrencyForm("EUR", "eur", Side.AFTER, " "), new CurrencyForm("EUR", "EUR", Side.BEFORE, " "),
      new CurrencyForm("EUR", "Euro", Side.AFTER, " "), new CurrencyForm("GBP", "£", Side.BEFORE, ""),
      new CurrencyForm("GBP", "gbp", Side.AFTER, " "), new CurrencyForm("RUB", "₽", Side.AFTER, ""),
      new CurrencyForm("RUB", "₽", Side.AFTER, " "), new CurrencyForm("RUB", "руб", Side.AFTER, " "),
      new CurrencyForm("RUB", "рублей", Side.AFTER, " "), new CurrencyForm("RUB", "р", Side.AFTER, ""),
      new CurrencyForm("CAD", "C$", Side.BEFORE, ""), new CurrencyForm("CAD", "cad", Side.AFTER, " "));

  static final List<DurationForm> DURATIONS = List.of(
      new DurationForm(30, "hh", Side.AFTER), new DurationForm(30, "hh", Side.BEFORE),
      new DurationForm(30, "half hour", Side.AFTER), new DurationForm(30, "half an hour", Side.BEFORE),
      new DurationForm(30, "30 min", Side.AFTER), new DurationForm(30, "30 min", Side.BEFORE),
      new DurationForm(45, "45 minutes", Side.AFTER), new DurationForm(60, "hr", Side.AFTER),
      new DurationForm(60, "hr", Side.BEFORE), new DurationForm(60, "1h", Side.AFTER), new DurationForm(60, "1h", Side.BEFORE),
      new DurationForm(120, "2 hours", Side.AFTER), new DurationForm(120, "2 hours", Side.BEFORE),
      new DurationForm(15, "qv", Side.AFTER), new DurationForm(15, "qv", Side.BEFORE),
      new DurationForm(60, "full hour", Side.AFTER), new DurationForm(60, "full hour", Side.BEFORE),
      new DurationForm(60, "1 Std.", Side.BEFORE), new DurationForm(60, "Stunde", Side.AFTER),
      new DurationForm(30, "halbe Stunde", Side.AFTER), new DurationForm(30, "halbe Stunde", Side.BEFORE),
      new DurationForm(30, "30 Min.", Side.BEFORE), new DurationForm(60, "час", Side.AFTER),
      new DurationForm(60, "час", Side.BEFORE), new DurationForm(30, "полчаса", Side.AFTER),
      new DurationForm(30, "полчаса", Side.BEFORE), new DurationForm(30, "30 мин", Side.AFTER),
      new DurationForm(120, "2 часа", Side.AFTER), new DurationForm(null, "", Side.AFTER));

  static final List<String> FILLER = List.of("sweet", "new", "in", "town", "friendly", "call", "me", "now", "Hallo",
      "Liebe", "привет", "новая", "hello", "!", ".", ",", "💋", "✨", "-", "(", ")", "incall", "outcall", "only", "xoxo");

  @Provide
  Arbitrary<Written> written() {
    Arbitrary<Long> cents = Arbitraries.oneOf(
        Arbitraries.longs().between(1, 99_999).map(v -> v * 100),
        Arbitraries.longs().between(101, 9_999_99).filter(v -> v % 100 != 0));
    Arbitrary<Integer> style = Arbitraries.integers().between(0, 3);
    Arbitrary<CurrencyForm> cur = Arbitraries.of(CURRENCIES);
    Arbitrary<DurationForm> dur = Arbitraries.of(DURATIONS);
    return Combinators.combine(cents, style, cur, dur).flatAs((c, st, cf, df) -> {
      BigDecimal amount = BigDecimal.valueOf(c, 2).stripTrailingZeros();
      if (amount.scale() < 0) amount = amount.setScale(0);
      String text = render(c, st);
      List<String> joiners = df.side() == Side.AFTER ? List.of(" ", "/", " per ", " - ") : List.of(" ", ": ", " - ");
      BigDecimal finalAmount = amount;
      return Arbitraries.of(joiners).map(j -> new Written(finalAmount, text, cf, df, j));
    });
  }

  /** Amount in hundredths written plainly, with group separators, or with a decimal comma. */
  static String render(long cents, int style) {
    long whole = cents / 100;
    long frac = cents % 100;
    String w = Long.toString(whole);
    if (whole >= 1000 && style == 1) w = String.format(java.util.Locale.ROOT, "%,d", whole);
    if (whole >= 1000 && style == 2) w = String.format(java.util.Locale.ROOT, "%,d", whole).replace(',', '.');
    if (frac == 0) return w;
    String f = frac % 10 == 0 ? Long.toString(frac / 10) : String.format(java.util.Locale.ROOT, "%02d", frac);
    char decimal = style == 2 || style == 3 ? ',' : '.';
    return w + decimal + f;
  }

  @Provide
  Arbitrary<String> filler() {
    return Arbitraries.of(FILLER).list().ofMaxSize(6).map(l -> String.join(" ", l));
  }

  @Property(tries = 1500)
  void aWrittenPriceRoundTrips(@ForAll("written") Written w, @ForAll("filler") String before, @ForAll("filler") String after) {
    String phrase = w.phrase();
    String text = before + (before.isEmpty() ? "" : " ") + phrase + (after.isEmpty() ? "" : " ") + after;
    List<PriceMention> ps = X.extract(text);
    assertThat(ps).as(text).hasSize(1);
    PriceMention p = ps.get(0);
    assertThat(p.amount()).as(text).isEqualByComparingTo(w.amount());
    assertThat(p.currency()).as(text).isEqualTo(w.currency().code());
    assertThat(p.minutes()).as(text).isEqualTo(w.duration().minutes());
    String span = text.substring(p.start(), p.end());
    // the span is the phrase, give or take the abbreviation dot of "Std." / "Min." at its end
    assertThat(phrase.startsWith(span) && phrase.length() - span.length() <= 1 || phrase.equals(span)).as(text + " -> " + span).isTrue();
  }

  @Provide
  Arbitrary<String> notAPrice() {
    net.jqwik.api.arbitraries.StringArbitrary d = Arbitraries.strings().withCharRange('0', '9');
    Arbitrary<Integer> age = Arbitraries.integers().between(18, 69);
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, 23);
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 59);
    Arbitrary<Integer> day = Arbitraries.integers().between(1, 31);
    Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
    return Arbitraries.oneOf(
        // phone-like
        Combinators.combine(d.ofLength(3), d.ofLength(3), d.ofLength(4)).as((a, b, c) -> a + "-" + b + "-" + c),
        Combinators.combine(d.ofLength(3), d.ofLength(3), d.ofLength(4)).as((a, b, c) -> "(" + a + ") " + b + "-" + c),
        Combinators.combine(d.ofLength(3), d.ofLength(3), d.ofLength(4)).as((a, b, c) -> a + "." + b + "." + c),
        Combinators.combine(d.ofLength(3), d.ofLength(3), d.ofLength(4)).as((a, b, c) -> "+1 " + a + " " + b + " " + c),
        d.ofMinLength(10).ofMaxLength(12),
        Combinators.combine(d.ofLength(3), d.ofLength(4)).as((a, b) -> a + "-" + b),
        // ages
        age.map(a -> "age " + a), age.map(a -> "Age: " + a), age.map(a -> a + " yo"), age.map(a -> a + "yo"),
        age.map(a -> a + " years old"), age.map(a -> a + " y.o."),
        // heights and sizes
        Combinators.combine(Arbitraries.integers().between(4, 6), Arbitraries.integers().between(0, 11))
            .as((f, i) -> f + "'" + i),
        Combinators.combine(Arbitraries.integers().between(4, 6), Arbitraries.integers().between(0, 11))
            .as((f, i) -> f + "'" + i + "\""),
        Arbitraries.integers().between(140, 199).map(h -> h + " cm"),
        Combinators.combine(Arbitraries.integers().between(28, 44), Arbitraries.of("A", "B", "C", "D", "DD", "DDD"))
            .as((b, c) -> b + c),
        // around the clock, dates and times
        Arbitraries.of("24/7", "24-7", "24 hr", "24 hours", "24/7 available"),
        Combinators.combine(day, month).as((a, b) -> a + "/" + String.format("%02d", b)),
        Combinators.combine(day, month, Arbitraries.integers().between(2000, 2030))
            .as((a, b, y) -> String.format("%02d.%02d.%d", a, b, y)),
        Combinators.combine(day, month, Arbitraries.integers().between(2000, 2030)).as((a, b, y) -> a + "/" + b + "/" + y),
        Combinators.combine(hour, minute).as((h, m) -> h + ":" + String.format("%02d", m)),
        Arbitraries.integers().between(1, 12).map(h -> h + "pm"), Arbitraries.integers().between(1, 12).map(h -> h + " am"),
        // plain counts
        Arbitraries.integers().between(1, 5).map(n -> n + " girls"), Arbitraries.integers().between(100, 999).map(n -> "room " + n));
  }

  @Property(tries = 1500)
  void digitStringsThatAreNotPricesGiveNoPrice(@ForAll("notAPrice") String thing, @ForAll("notAPrice") String other,
      @ForAll("filler") String before, @ForAll("filler") String between) {
    String text = before + " " + thing + " " + between + " " + other;
    assertThat(X.extract(text)).as(text).isEmpty();
  }

  @Property(tries = 500)
  void arbitraryTextNeverThrowsAndSpansStayInside(@ForAll String text) {
    for (PriceMention p : X.extract(text)) {
      assertThat(p.start()).isBetween(0, text.length());
      assertThat(p.end()).isBetween(p.start(), text.length());
      assertThat(p.amount().signum()).isPositive();
    }
  }

  @Property(tries = 500)
  void digitAndSymbolSoupNeverThrows(@ForAll("soup") String text) {
    for (PriceMention p : X.extract(text)) {
      assertThat(p.amount()).isLessThanOrEqualTo(PriceExtractor.DEFAULT_MAX_AMOUNT);
      assertThat(p.amount().signum()).isPositive();
    }
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.strings().withChars("0123456789$€₽.,-/: hhrminusd").ofMaxLength(60);
  }
}
