package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated oracle: filler words from a pool that holds no identifier (but many near misses: "at",
 * "dot", platform names used as words, numbers too short to be phones) with identifiers planted at
 * known places in many written forms; the extractor must find exactly the planted ones, with their
 * spans and normalised forms. A second property feeds dense random pieces and checks the invariants
 * (no exception, spans inside the text, ordered).
 */
class IdentifierExtractorProperties {
  // No "dot" among the fillers: "ok @ hotel dot me" drawn from fillers is an obfuscated e-mail by design
  // (the scanner reads "user @ host dot tld"), not a false find; planted e-mails still use "dot".
  static final String[] FILLER = {"hello", "new", "in", "town", "call", "me", "at", "the", "hotel", "line", "up",
      "signal", "is", "bad", "snap", "decisions", "sweet", "available", "now", "24/7", "$80", "girls", "ok", "and",
      "for", "info", "com", "on", "my", "add", "nice", "off", "text", "me", "first", "é", ",", "!",
      "(", ")", "www", "at.", "http", "@", "a"};
  static final String[] NAMES = {"anna", "bo_k", "chris.t", "dee99", "eli-x", "fay_fay", "gus", "hana"};
  static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.test"};

  record Planted(String surface, IdentifierType type, String normalised) {}

  static Planted plant(Random r) {
    String name = NAMES[r.nextInt(NAMES.length)];
    String domain = DOMAINS[r.nextInt(DOMAINS.length)];
    switch (r.nextInt(8)) {
      case 0: return new Planted(name + "@" + domain, IdentifierType.EMAIL, name + "@" + domain);
      case 1: {
        String d = domain.replace(".", r.nextBoolean() ? " (dot) " : " [dot] ");
        return new Planted(name + (r.nextBoolean() ? " (at) " : " [at] ") + d, IdentifierType.EMAIL, name + "@" + domain);
      }
      case 2: {
        String[] forms = {"telegram: @%s", "Telegram @%s", "kik me %s", "snapchat: %s", "Line ID: %s", "wechat id %s",
            "t.me/%s", "https://snapchat.com/add/%s"};
        String[] platforms = {"telegram", "telegram", "kik", "snapchat", "line", "wechat", "telegram", "snapchat"};
        int f = r.nextInt(forms.length);
        return new Planted(String.format(forms[f], name), IdentifierType.HANDLE, platforms[f] + ":" + name);
      }
      case 3: return new Planted("https://www." + domain + "/" + name, IdentifierType.URL, domain + "/" + name);
      case 4: return new Planted("@" + name, IdentifierType.HANDLE, "@" + name);
      default: {
        // fictional 555-01xx numbers, written plainly or obscured
        String line = String.format("01%02d", r.nextInt(100));
        String area = String.valueOf(200 + r.nextInt(700));
        String digits = area + "555" + line;
        String[] forms = {area + "-555-" + line, area + ".555." + line, "+1 " + area + " 555 " + line,
            spelled(area + "555" + line), String.join(" ", (area + "555" + line).split(""))};
        int f = r.nextInt(forms.length);
        return new Planted(forms[f], IdentifierType.PHONE, f == 2 ? "1" + digits : digits);
      }
    }
  }

  static String spelled(String digits) {
    String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    StringBuilder sb = new StringBuilder();
    for (char c : digits.toCharArray()) sb.append(sb.length() == 0 ? "" : " ").append(w[c - '0']);
    return sb.toString();
  }

  record Case(String text, List<Integer> starts, List<Planted> planted) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      List<Integer> starts = new ArrayList<>();
      List<Planted> planted = new ArrayList<>();
      int parts = 1 + r.nextInt(12);
      for (int p = 0; p < parts; p++) {
        if (r.nextInt(3) == 0) {
          Planted x = plant(r);
          sb.append(sb.length() == 0 ? "" : " ; ");
          starts.add(sb.length());
          planted.add(x);
          sb.append(x.surface()).append(" ;");
        } else {
          sb.append(' ').append(FILLER[r.nextInt(FILLER.length)]);
        }
      }
      return new Case(sb.toString(), starts, planted);
    });
  }

  @Property(tries = 500)
  void findsExactlyThePlantedIdentifiers(@ForAll("cases") Case c) {
    List<Identifier> found = IdentifierExtractor.defaults().extract(c.text(), null);
    assertThat(found).as(c.text()).hasSize(c.planted().size());
    for (int k = 0; k < found.size(); k++) {
      Planted p = c.planted().get(k);
      Identifier i = found.get(k);
      assertThat(i.type()).as(c.text()).isEqualTo(p.type());
      assertThat(i.normalised()).as(c.text()).isEqualTo(p.normalised());
      assertThat(i.start()).as(c.text()).isEqualTo(c.starts().get(k));
      assertThat(i.end()).as(c.text()).isEqualTo(c.starts().get(k) + p.surface().length());
    }
  }

  static final String[] PIECES = {"a", "@", " ", "(at)", "[dot]", ".", "com", "at", "dot", "telegram", ":", "kik", "me",
      "www.", "http://", "t.me/", "/", "5", "555", "0123", "\n", "é", "\uD83C", "-", "_", "x", "(", ")", "wa.me/", "line", "id"};

  @Provide
  Arbitrary<String> dense() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(80);
      for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      return sb.toString();
    });
  }

  @Property(tries = 1000)
  void spansAreInsideTheTextAndOrdered(@ForAll("dense") String text) {
    List<Identifier> found = IdentifierExtractor.defaults().extract(text, null);
    int last = -1;
    for (Identifier i : found) {
      assertThat(i.start()).isGreaterThanOrEqualTo(last).isLessThan(i.end());
      assertThat(i.end()).isLessThanOrEqualTo(text.length());
      assertThat(i.normalised()).isNotEmpty();
      last = i.start();
    }
  }

  @Property(tries = 9)
  void linearOnAdversarialRepetition(@ForAll("shapes") String unit) {
    // the work per char is bounded: a long repetition of a near-identifier takes time proportional to
    // its length. Fastest of five runs each, in this thread's CPU time, so a busy machine's pauses and
    // other processes' time do not count.
    String small = unit.repeat(2_000), big = unit.repeat(8_000);
    long tSmall = fastest(small), tBig = fastest(big);
    // 4x the text; quadratic work would be 16x. Generous bound for a noisy shared machine.
    assertThat(tBig).isLessThan(Math.max(10 * tSmall, 100_000_000L));
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private static long fastest(String text) {
    long best = Long.MAX_VALUE;
    for (int k = 0; k < 5; k++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      IdentifierExtractor.defaults().extract(text, null);
      best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
    }
    return best;
  }

  @Provide
  Arbitrary<String> shapes() {
    return Arbitraries.of("a@", "a.", "a at b dot ", "telegram me ", "@a ", "www.a", "a(at)b(dot)", "t.me/a", "kik: ");
  }
}
