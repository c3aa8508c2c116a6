package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ContactScanner} keeps its tokens in reused int arrays and compares words with the platform and
 * filler tables without building lower-case strings; {@link ContactScannerOracle}, the pre-optimisation
 * code, did both the plain way. They must find exactly the same identifiers (type, normalised form,
 * span), on text dense in what the scanner looks at: handles, platform names in any case, e-mails
 * plain and spelled, web and messenger addresses, digits and punctuation, and the few non-ASCII chars
 * whose lower case is ASCII (Kelvin sign, dotted capital I) or whose upper case is ({@code ſ}).
 */
class ContactScannerAgreementProperties {
  /** Words the scanner compares case-insensitively; each is written in a random mix of cases. */
  static final String[] WORDS = {"telegram", "telegramm", "tg", "whatsapp", "whatsap", "wa", "whats", "app", "wechat",
      "weixin", "wx", "kik", "snapchat", "snap", "sc", "signal", "line", "instagram", "insta", "ig", "skype", "viber",
      "threema", "twitter", "onlyfans", "discord", "session", "messenger",
      // fillers, markers, words never taken as a handle
      "me", "on", "at", "id", "is", "my", "add", "name", "username", "user", "handle", "via", "or", "contact", "msg",
      "message", "text", "now", "today", "only", "and", "the", "a", "please", "babe", "info", "call", "dm", "com", "www",
      "http", "https", "dot", "AT", "DOT",
      // handles, e-mail parts, hosts
      "anna", "anna_k", "anna.k", "anna.example.com", "example.co.uk", "anna-k", "Anna99", "x", "ab", "a1", "k.i.k", "example", "gmail", "mail", "co", "uk",
      "t.me", "wa.me", "kik.me", "m.me", "line.me", "telegram.me", "snapchat.com", "instagram.com", "x.com", "signal.me",
      "onlyfans.com", "twitter.com", "example.com", "www.example.com", "http://", "https://", "www.", "ti", "p", "add"};

  /** Everything else, written as is. */
  static final String[] PIECES = {" ", " ", "  ", "\n", "\r\n", "\t", "\u00A0", "\u2003", "@", "\uFF20", ".", ". ", ",",
      ":", ": ", "=", "-", "\u2013", "\u2192", ">", "<", "/", "//", "?", "#", "~", "+", "%", "_", "'", "\"", "(", ")", "!",
      "(at)", "( at )", "[at]", "{AT}", "<at>", "(@)", "[ @ ]", "(dot)", "[ dot ]", "{Dot}", "<.>", "(.)", "(at", "[dot",
      "/anna", "/15550100123", "wa.me/15550100123", "https://wa.me/+4477001234567",
      "0", "1", "5", "555", "15550100", "+15550100123", "4477001234567", "2024", "24/7", "99", "é", "ß", "日本",
      // non-ASCII chars whose case mapping reaches ASCII: "\u212Aik" lower-cases to "kik", "İg" to "i\u0307g"
      "\u212A", "\u212Aik", "\u0130", "\u0130g", "\u0131", "\u017F", "\u017Fc", "\u017Fnap", "\uD83D\uDE18", "\uD83D"};

  @Provide
  Arbitrary<String> texts() { return Arbitraries.longs().map(ContactScannerAgreementProperties::text); }

  static String text(long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(3) == 0) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      } else {
        String w = WORDS[r.nextInt(WORDS.length)];
        int caseMode = r.nextInt(4); // as written, upper, capitalised, random per char
        for (int k = 0; k < w.length(); k++) {
          char c = w.charAt(k);
          boolean upper = caseMode == 1 || caseMode == 2 && k == 0 || caseMode == 3 && r.nextBoolean();
          sb.append(upper ? Character.toUpperCase(c) : c);
        }
      }
      if (r.nextInt(4) != 0) sb.append(' '); // mostly separate words, sometimes glued
    }
    if (r.nextInt(20) == 0) sb.insert(r.nextInt(sb.length() + 1), "a".repeat(250 + r.nextInt(20))); // near MAX_WORD
    return sb.toString();
  }

  @Property(tries = 5000)
  void sameIdentifiersAsThePreOptimisationCode(@ForAll("texts") String text) {
    PhoneNormaliser phones = PhoneNormaliser.withDefaultCountryCode("44");
    assertThat(ContactScanner.defaults().scan(text, phones)).as(text).isEqualTo(ContactScannerOracle.defaults().scan(text, phones));
  }

  @Property(tries = 500)
  void sameIdentifiersOnArbitraryUnicode(@ForAll String text) {
    PhoneNormaliser phones = PhoneNormaliser.none();
    assertThat(ContactScanner.defaults().scan(text, phones)).as(text).isEqualTo(ContactScannerOracle.defaults().scan(text, phones));
  }

  /** The generated texts reach every identifier type, and platform names and hosts not in lower case. */
  @Test
  void theGeneratedTextsFindIdentifiersOfEveryKind() {
    Set<IdentifierType> seen = EnumSet.noneOf(IdentifierType.class);
    int capitalHandles = 0;
    for (long seed = 0; seed < 3000; seed++) {
      String text = text(seed);
      for (Identifier id : ContactScannerOracle.defaults().scan(text, PhoneNormaliser.none())) {
        seen.add(id.type());
        if (id.type() == IdentifierType.HANDLE && Character.isUpperCase(text.charAt(id.start()))) capitalHandles++;
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(IdentifierType.values());
    assertThat(capitalHandles).isGreaterThan(20);
  }

  /**
   * Case-insensitive means as {@code String.toLowerCase(Locale.ROOT)} then {@code equals}: the Kelvin
   * sign lower-cases to {@code k}, a dotted capital I to two chars, and {@code ſ} (whose upper case is
   * {@code S}, which {@code regionMatches} would accept) to itself.
   */
  @Test
  void platformNamesMatchAsLowerCasedStrings() {
    PhoneNormaliser phones = PhoneNormaliser.none();
    List<BiFunction<String, PhoneNormaliser, List<Identifier>>> scanners =
        List.of(ContactScanner.defaults()::scan, ContactScannerOracle.defaults()::scan);
    for (var scanner : scanners) {
      Function<String, List<String>> found = text -> scanner.apply(text, phones).stream().map(Identifier::normalised).toList();
      assertThat(found.apply("\u212Aik: anna")).as("Kelvin sign").containsExactly("kik:anna");
      assertThat(found.apply("KIK: anna")).containsExactly("kik:anna");
      assertThat(found.apply("\u0130G: anna")).as("dotted capital I").isEmpty();
      assertThat(found.apply("\u017Fnapchat: anna")).as("long s").isEmpty();
      assertThat(found.apply("WHATS APP: anna")).containsExactly("whatsapp:anna");
      assertThat(found.apply("T.ME/Anna")).containsExactly("telegram:anna");
    }
  }
}
