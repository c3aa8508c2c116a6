package org.redflag.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.redflag.advert.Advert;

/**
 * A seeded generator of synthetic adverts for benchmarks: escort, massage, dating and job-offer
 * adverts assembled from hand-written sentence templates. Nothing here comes from a real advert; phone
 * numbers use the fictional 555-01xx range.
 *
 * <p>About a third of the sentences carry indicator-like wording (third-party contact, unlimited
 * availability, agency references, negated forms, prices with durations, emoji, light obfuscation) so that
 * matchers and indicators do real work, as they would on a live feed, rather than scanning clean prose.
 * The same seed and size always give the same adverts, so runs on different machines and revisions see
 * the same input.
 */
public final class SyntheticAdverts {
  /** Advert sizes benchmarked, as {@code @Param} values: about 200 bytes, 1 KB and 10 KB of UTF-8 text. */
  public enum Size {
    SMALL("200B", 200), MEDIUM("1KB", 1024), LARGE("10KB", 10 * 1024);

    private final String label;
    private final int bytes;

    Size(String label, int bytes) { this.label = label; this.bytes = bytes; }

    public String label() { return label; }

    public int targetBytes() { return bytes; }

    /** The size with this {@code @Param} label ({@code 200B}, {@code 1KB}, {@code 10KB}). */
    public static Size of(String label) {
      for (Size s : values()) if (s.label.equals(label)) return s;
      throw new IllegalArgumentException("unknown advert size '" + label + "'; expected 200B, 1KB or 10KB");
    }
  }

  /** Seed used by all benchmarks. */
  public static final long DEFAULT_SEED = 0x5EEDL;
  /**
   * Adverts in a benchmark corpus of {@code size}: a power of two (for cheap round-robin indexing) with
   * about 1.6-2.6 MB of text, 8,192 adverts of 200B, 2,048 of 1KB, 256 of 10KB. Why so many: over a
   * few dozen adverts the CPU learns the corpus (its branch predictors and caches), and the same code
   * reads faster than over distinct adverts. A live feed does not repeat its adverts, so the larger
   * corpus is the honest one. The first adverts are the same as in a
   * smaller corpus of the same seed.
   */
  public static int count(Size size) {
    return switch (size) {
      case SMALL -> 8192;
      case MEDIUM -> 2048;
      case LARGE -> 256;
    };
  }

  private static final String[] CATEGORIES = {"escort", "massage", "dating", "jobs"};
  private static final String[] MARKETS = {"us-nyc", "us-chi", "de-ber", "gb-lon"};
  private static final String[] NAMES = {"Mia", "Lena", "Anya", "Sofia", "Kira", "Nina", "Jade", "Tess"};
  private static final String[] PLACES = {"downtown", "near the airport", "by the station", "uptown",
      "on the east side", "close to the mall"};
  private static final String[] EMOJI = {"🍒", "💋", "🌹", "✨", "🔥", "💕", "👅", "🌸", "😘", "💯"};

  private static final String[] NEUTRAL = {
      "Hi gentlemen, my name is %N and I am new here.",
      "Sweet and friendly, I love good conversation and a glass of wine.",
      "Clean and classy private apartment %P, easy parking.",
      "Please be respectful and on time, hygiene is a must.",
      "Relaxing full body massage with warm oils and soft music.",
      "Sporty, fun and open minded, let us have a great time together.",
      "I speak English and a little Spanish.",
      "Looking for a gentleman who knows how to treat a lady.",
      "Photos are recent and 100%% real, what you see is what you get.",
      "Upscale hotel visits only, screening required for first timers.",
      "Professional therapist with years of experience in deep tissue and Swedish massage.",
      "Friendly staff, clean rooms, walk-ins welcome during business hours.",
      "We are hiring hostesses for a busy restaurant %P, flexible shifts.",
      "Call or text me at 555-01%D%D for details.",
      "Available for dinner dates and travel companionship.",
      "Let me help you forget the stress of a long day.",
      "Outcall to hotels and homes %P, incall in my discreet place.",
  };

  private static final String[] SIGNALS = {
      "Text my manager to book, he answers fast.",
      "Ask daddy for the address after you confirm.",
      "Call our boss for rates and availability.",
      "Available 24/7, all day and all night, no days off.",
      "Anytime day or night, just call.",
      "Our agency has new girls every week.",
      "Contact her driver when you arrive %P.",
      "Management takes care of everything, just show up.",
      "No agency, no management, I work independently.",
      "Never rushed and not a clock watcher.",
      "GFE experience, discreet fun, incall or outcall.",
      "$%A hh, $%B hr, no negotiation.",
      "%A roses for half hour, %B roses full hour.",
      "Special tonight only: qv %A, hh %A, hr %B.",
      "n.e.w i n t o w n, just arrived this week!",
      "24 7 available for you %E%E",
      "Message my agent on the app, no calls please.",
      "Visa and travel arranged, housing provided, no experience needed.",
      "Young girls from abroad, new faces every week.",
      "She is sweet and shy, call to book her now.",
  };

  private SyntheticAdverts() {}

  /** {@code count} adverts of about {@code size} each, from {@code seed}. */
  public static List<Advert> generate(long seed, int count, Size size) {
    if (count <= 0) throw new IllegalArgumentException("count must be positive, was " + count);
    SplittableRandom random = new SplittableRandom(seed ^ size.ordinal() * 0x9E3779B97F4A7C15L);
    List<Advert> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(advert(random, size, i));
    return out;
  }

  /** The benchmark corpus for one size: {@link #count} adverts from {@link #DEFAULT_SEED}. */
  public static List<Advert> corpus(Size size) { return generate(DEFAULT_SEED, count(size), size); }

  private static Advert advert(SplittableRandom random, Size size, int index) {
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    String name = NAMES[random.nextInt(NAMES.length)];
    StringBuilder text = new StringBuilder(size.targetBytes() + 128);
    // fill up to the target size; the last sentence may overshoot by at most one sentence, so stop
    // early when the next one would take a small advert far past its size
    int now = 0;
    while (true) {
      String sentence = sentence(random, name);
      int next = now + (now > 0 ? 1 : 0) + utf8Length(sentence);
      if (now > 0 && next > size.targetBytes() * 11 / 10) break;
      if (now > 0) text.append(random.nextInt(6) == 0 ? "\n" : " ");
      text.append(sentence);
      now = next;
      if (now >= size.targetBytes()) break;
    }
    String title = String.format(Locale.ROOT, "%s %s %s", name,
        random.nextBoolean() ? "new in town" : "available now", EMOJI[random.nextInt(EMOJI.length)]);
    return Advert.builder("synthetic-" + size.label() + "-" + index, text.toString())
        .title(title)
        .category(category)
        .market(MARKETS[random.nextInt(MARKETS.length)])
        .language("en")
        .build();
  }

  private static String sentence(SplittableRandom random, String name) {
    String template = random.nextInt(3) == 0 ? SIGNALS[random.nextInt(SIGNALS.length)]
        : NEUTRAL[random.nextInt(NEUTRAL.length)];
    int low = 40 + 10 * random.nextInt(12);
    StringBuilder sb = new StringBuilder(template.length() + 16);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%' || i + 1 == template.length()) { sb.append(c); continue; }
      char k = template.charAt(++i);
      switch (k) {
        case 'N' -> sb.append(name);
        case 'P' -> sb.append(PLACES[random.nextInt(PLACES.length)]);
        case 'E' -> sb.append(EMOJI[random.nextInt(EMOJI.length)]);
        case 'D' -> sb.append((char) ('0' + random.nextInt(10)));
        case 'A' -> sb.append(low);
        case 'B' -> sb.append(low * 2 - 10 + 10 * random.nextInt(3));
        case '%' -> sb.append('%');
        default -> sb.append('%').append(k);
      }
    }
    return sb.toString();
  }

  static int utf8Length(CharSequence s) { return s.toString().getBytes(StandardCharsets.UTF_8).length; }
}
