package org.redflag.bench.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.redflag.advert.Advert;

/**
 * Synthetic adverts with planted clusters, for measuring linking quality and speed. An actor posts
 * several adverts from one to three templates of its own; each advert fills the template's slots
 * anew (name, age, price, place), may change a few words (a synonym, a dropped or an added word), and
 * carries the actor's phone number in one of many written forms (plain, dashes, dots, spaced digits,
 * words, {@code +1}) or no number at all. An actor's templates are joined only through that number.
 * Some actors use a fresh number per advert (joined only by template). Singletons are written from the
 * same phrase pool, each with its own number or none. Every number is a fictional {@code 555-01xx}
 * number; the truth label of an advert is its actor.
 */
public final class PlantedClusters {
  /** One generated advert and the actor that posted it (singletons have their own actor). */
  public record Labelled(Advert advert, int actor) {}

  static final String[] PHRASES = {
      "new in town for a few days only", "sweet and discreet companion for gentlemen and ladies",
      "real photos, what you see is what you get", "incall and outcall available in {place}",
      "clean private apartment near the station", "no rush, relaxed and friendly meeting", "text me to book, no calls please",
      "serious clients only, no time wasters", "available late nights and weekends", "{price} for one hour, {price2} for two hours",
      "I am {name}, {age} years old", "my name is {name} and I love to travel", "fresh face, first week here",
      "call {phone} for an appointment", "contact {phone} any time", "ask for {name} when you call {phone}",
      "upscale experience with a warm personality", "massage and relaxation in a calm studio", "shower and towels provided",
      "parking nearby and easy to find", "open minded and easy going", "visiting {place} this week only",
      "book early to avoid disappointment", "generous gentlemen preferred", "couples welcome by appointment",
      "tall, slim and athletic build", "curvy and confident with a great smile", "student working part time",
      "latina beauty with a bright smile", "handsome and fit man for ladies and gentlemen", "trans woman, passable and friendly",
      "mature and experienced, very discreet", "just arrived from abroad", "speaks a little english",
      "discount for regular clients", "cash only, no deposits", "outcall to hotels in {place}", "available 24/7",
      "come and relax after a long day", "let me take care of you", "private and safe location",
      "quick visits welcome", "overnight stays possible", "dinner dates and travel companion",
      "the best time in {place}", "unforgettable experience guaranteed", "friendly chat before we meet",
      "full service spa with several therapists", "hot stone and deep tissue massage", "walk ins welcome every day",
      "best rates in {place}", "genuine and fun loving", "petite and playful", "well educated and elegant",
      "fit and toned, loves the gym", "blonde with blue eyes", "brunette with green eyes", "redhead with freckles",
      "former model, now independent", "recently moved to {place}"};
  static final String[][] SYNONYMS = {{"discreet", "private"}, {"friendly", "kind"}, {"relaxed", "calm"}, {"clients", "customers"},
      {"nights", "evenings"}, {"nearby", "close by"}, {"hour", "hr"}, {"book", "reserve"}, {"sweet", "lovely"},
      {"new", "brand new"}, {"warm", "lovely"}, {"clean", "tidy"}, {"quick", "short"}, {"best", "top"}, {"guaranteed", "assured"}};
  static final String[] EXTRA_WORDS = {"really", "very", "honestly", "truly", "always", "today", "now", "please"};
  static final String[] NAMES = {"Anna", "Bella", "Carla", "Dana", "Eva", "Faye", "Gina", "Hana", "Iris", "Jade", "Kim", "Lea",
      "Mia", "Nina", "Olga", "Paula", "Rosa", "Sara", "Tina", "Vera", "Alex", "Ben", "Carlos", "Dario", "Eli", "Jordan", "Sam"};
  static final String[] PLACES = {"Springfield", "Riverton", "Lakeside", "Hillview", "Westfield", "Brookdale", "Fairview", "Oakridge",
      "Maple Heights", "Cedar Falls", "Pinecrest", "Harbor City"};
  static final String[] DIGIT_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

  private final Random r;
  private final Set<String> usedPhones = new HashSet<>();

  private PlantedClusters(long seed) { this.r = new Random(seed); }

  /**
   * About {@code n} adverts (exactly n): actors with 2-12 adverts each take about 70% of them, the rest
   * are singletons. Deterministic for a seed. Advert ids are {@code ad-<index>}.
   */
  public static List<Labelled> generate(long seed, int n) {
    return new PlantedClusters(seed).run(n);
  }

  private List<Labelled> run(int n) {
    List<Labelled> out = new ArrayList<>(n);
    int actor = 0;
    int clustered = (int) (n * 0.7);
    List<Labelled> planted = new ArrayList<>();
    while (planted.size() < clustered) {
      int ads = Math.min(2 + r.nextInt(11), clustered - planted.size());
      if (ads < 2) break;
      planted.addAll(actor(actor++, ads));
    }
    List<Labelled> singles = new ArrayList<>();
    while (planted.size() + singles.size() < n) {
      String[] t = template();
      String phone = r.nextInt(3) == 0 ? null : phone();
      singles.add(new Labelled(render(t, phone, false), actor++));
    }
    // shuffle deterministically so clusters are spread over the input, then number the ids
    List<Labelled> all = new ArrayList<>(planted);
    all.addAll(singles);
    java.util.Collections.shuffle(all, r);
    for (int i = 0; i < all.size(); i++) {
      Labelled l = all.get(i);
      out.add(new Labelled(withId(l.advert(), "ad-" + i), l.actor()));
    }
    return out;
  }

  private static Advert withId(Advert a, String id) {
    Advert.Builder b = Advert.builder(id, a.text());
    a.category().ifPresent(b::category);
    a.market().ifPresent(b::market);
    a.site().ifPresent(b::site);
    a.postedAt().ifPresent(b::postedAt);
    return b.build();
  }

  private List<Labelled> actor(int actor, int ads) {
    int templates = 1 + (ads >= 4 ? r.nextInt(3) : 0);
    List<String[]> ts = new ArrayList<>();
    for (int t = 0; t < templates; t++) ts.add(template());
    boolean burner = r.nextInt(6) == 0; // a fresh number per advert: joined by template only
    String phone = phone();
    List<Labelled> out = new ArrayList<>();
    for (int a = 0; a < ads; a++) {
      int t = a % templates;
      boolean firstOfTemplate = a < templates;
      String p;
      if (burner) p = templates > 1 && firstOfTemplate ? phone : phone();
      else p = firstOfTemplate || r.nextInt(10) < 7 ? phone : null;
      out.add(new Labelled(render(ts.get(t), p, !firstOfTemplate), actor));
    }
    return out;
  }

  /** 6-9 distinct phrases from the pool, in a random order. */
  private String[] template() {
    int k = 6 + r.nextInt(4);
    List<String> pool = new ArrayList<>(List.of(PHRASES));
    java.util.Collections.shuffle(pool, r);
    return pool.subList(0, k).toArray(new String[0]);
  }

  private Advert render(String[] phrases, String phone, boolean edit) {
    String name = NAMES[r.nextInt(NAMES.length)];
    String place = PLACES[r.nextInt(PLACES.length)];
    int age = 19 + r.nextInt(20);
    int price = 100 + 20 * r.nextInt(15);
    StringBuilder sb = new StringBuilder();
    boolean phoneWritten = false;
    for (String ph : phrases) {
      if (ph.contains("{phone}") && phone == null) continue;
      String s = ph.replace("{name}", name).replace("{place}", place).replace("{age}", Integer.toString(age))
          .replace("{price2}", "$" + (2 * price - 20)).replace("{price}", "$" + price);
      if (s.contains("{phone}")) {
        s = s.replace("{phone}", written(phone));
        phoneWritten = true;
      }
      if (sb.length() > 0) sb.append(". ");
      sb.append(Character.toUpperCase(s.charAt(0))).append(s, 1, s.length());
    }
    if (phone != null && !phoneWritten) sb.append(". Call ").append(written(phone));
    sb.append('.');
    String text = sb.toString();
    if (edit) text = wordEdits(text, r.nextInt(4));
    Advert.Builder b = Advert.builder("tmp", text).category(r.nextBoolean() ? "escort" : "massage")
        .market("metro-" + (char) ('a' + r.nextInt(4))).site("board-" + r.nextInt(5))
        .postedAt(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextInt(180 * 86400)));
    return b.build();
  }

  /** {@code count} word-level changes: a synonym, a dropped word, or an added word. */
  private String wordEdits(String text, int count) {
    for (int c = 0; c < count; c++) {
      int kind = r.nextInt(3);
      if (kind == 0) {
        String[] s = SYNONYMS[r.nextInt(SYNONYMS.length)];
        text = text.replaceFirst("\\b" + s[0] + "\\b", s[1]);
      } else {
        String[] words = text.split(" ");
        int at = r.nextInt(words.length);
        List<String> ws = new ArrayList<>(List.of(words));
        if (kind == 1 && ws.size() > 10 && ws.get(at).chars().allMatch(Character::isLetter)) ws.remove(at);
        else if (kind == 2) ws.add(at, EXTRA_WORDS[r.nextInt(EXTRA_WORDS.length)]);
        text = String.join(" ", ws);
      }
    }
    return text;
  }

  /** Fictional numbers available: 800 area codes times the 100 lines 555-0100..0199. */
  static final int PHONES = 80_000;

  /**
   * A fictional number: area 200-999, exchange 555, line 0100-0199; each used once while fewer than
   * three quarters of them are taken. Beyond that (runs of more than about 140,000 adverts, for speed only) numbers
   * are reused at random, which joins unrelated actors: measure quality below that size.
   */
  private String phone() {
    if (usedPhones.size() >= PHONES * 3 / 4) return (200 + r.nextInt(800)) + "5550" + (100 + r.nextInt(100));
    while (true) {
      String p = (200 + r.nextInt(800)) + "5550" + (100 + r.nextInt(100));
      if (usedPhones.add(p)) return p;
    }
  }

  /** The number in one of several written forms. */
  private String written(String p) {
    String a = p.substring(0, 3), e = p.substring(3, 6), l = p.substring(6);
    return switch (r.nextInt(7)) {
      case 0 -> a + "-" + e + "-" + l;
      case 1 -> "(" + a + ") " + e + " " + l;
      case 2 -> a + "." + e + "." + l;
      case 3 -> "+1 " + a + " " + e + " " + l;
      case 4 -> String.join(" ", p.split(""));
      case 5 -> spelled(p);
      default -> p;
    };
  }

  private static String spelled(String digits) {
    StringBuilder sb = new StringBuilder();
    for (char c : digits.toCharArray()) sb.append(sb.length() == 0 ? "" : " ").append(DIGIT_WORDS[c - '0']);
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
