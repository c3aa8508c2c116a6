package org.redflag.identifier;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds e-mail addresses, web addresses and messenger handles in text, plainly written or lightly
 * obscured ({@code anna (at) example (dot) com}, {@code telegram: @anna}, {@code kik me anna},
 * {@code t.me/anna}, {@code wa.me/15550100}). Phone numbers are {@link PhoneNumberScanner}'s job.
 *
 * <p>Two linear passes and no regular expressions (the text is untrusted and this runs for every
 * advert): a tokeniser turns the text into words, {@code @}/{@code (at)} and {@code (dot)} markers, web
 * addresses and punctuation, each char read a bounded number of times; then a left-to-right walk over
 * the tokens recognises the three shapes below, looking at most {@value #MAX_LOOKAHEAD} tokens ahead.
 * The tokens go to reused parallel arrays ({@link ContactTokens}) and words are compared with the tables
 * below through {@link CaselessWords}, so an advert without identifiers costs no allocation.
 *
 * <ul>
 *   <li>e-mail: word, at-marker, word, then (dot-marker word)*; the domain has two or more labels and
 *       a final label of 2-24 letters. The spelled {@code at} counts only when a spelled or bracketed
 *       {@code dot} follows ({@code see you at home} is not an address).
 *   <li>handle: a platform name ({@link #PLATFORMS}) followed, within a few filler words ({@code me,
 *       on, id, my, add …}), by a name of 2-32 chars that is not all digits (digits are a phone
 *       number). Names that are also ordinary words ({@code line}, {@code signal}, {@code snap}) need a
 *       marker between platform and name ({@code :}, {@code =}, {@code @}, {@code id}); the others
 *       also accept {@code me} ({@code kik me anna}). A bare {@code @name} after a space is a handle
 *       of no named platform ({@code @name}).
 *   <li>web address: starts with {@code http://}, {@code https://} or {@code www.}, or a messenger link
 *       host ({@code t.me/}, {@code wa.me/} …), and runs to white space; trailing punctuation is not
 *       part of it. Messenger links become handles (or phones, for {@code wa.me/DIGITS}).
 * </ul>
 */
final class ContactScanner {
  static final int MAX_LOOKAHEAD = 5;
  static final int MAX_URL = 2048;
  static final int MAX_WORD = 256;

  /** Platform names (lower case) and the platform they name. */
  static final Map<String, String> PLATFORMS = Map.ofEntries(
      Map.entry("telegram", "telegram"), Map.entry("telegramm", "telegram"), Map.entry("tg", "telegram"),
      Map.entry("whatsapp", "whatsapp"), Map.entry("whatsap", "whatsapp"), Map.entry("wa", "whatsapp"),
      Map.entry("wechat", "wechat"), Map.entry("weixin", "wechat"), Map.entry("wx", "wechat"),
      Map.entry("kik", "kik"), Map.entry("snapchat", "snapchat"), Map.entry("snap", "snapchat"), Map.entry("sc", "snapchat"),
      Map.entry("signal", "signal"), Map.entry("line", "line"), Map.entry("instagram", "instagram"), Map.entry("insta", "instagram"),
      Map.entry("ig", "instagram"), Map.entry("skype", "skype"), Map.entry("viber", "viber"), Map.entry("threema", "threema"),
      Map.entry("twitter", "twitter"), Map.entry("onlyfans", "onlyfans"), Map.entry("discord", "discord"), Map.entry("session", "session"));

  /** Platform names that are also ordinary words or short codes: a marker must follow them. */
  static final Set<String> WEAK = Set.of("tg", "wa", "wx", "snap", "sc", "signal", "line", "insta", "ig", "session", "twitter");

  /** Words allowed between a platform name and the handle. */
  static final Set<String> FILLERS = Set.of("me", "on", "at", "id", "is", "my", "add", "name", "username", "user", "handle",
      "via", "or", "contact", "msg", "message", "text");

  /** Fillers that mark what follows as a handle (with {@code : = @ -}). */
  static final Set<String> MARKERS = Set.of("id", "username", "user", "handle", "name");

  /** Words never taken as a handle after a platform name ("kik me now"). */
  static final Set<String> NOT_HANDLES = Set.of("me", "on", "at", "id", "is", "my", "add", "now", "today", "anytime", "only",
      "or", "and", "for", "to", "the", "a", "an", "if", "when", "please", "pls", "babe", "baby", "hun", "honey", "here", "too",
      "also", "more", "info", "details", "available", "with", "in", "via", "app", "contact", "msg", "message", "text", "call",
      "first", "then", "number", "no", "yes", "ok", "dm", "chat", "video", "calls", "com", "www", "http", "https");

  /** Messenger link hosts (lower case, without www.) and the platform of their first path segment. */
  static final Map<String, String> LINK_HOSTS = Map.ofEntries(
      Map.entry("t.me", "telegram"), Map.entry("telegram.me", "telegram"), Map.entry("wa.me", "whatsapp"),
      Map.entry("kik.me", "kik"), Map.entry("m.me", "messenger"), Map.entry("line.me", "line"),
      Map.entry("snapchat.com", "snapchat"), Map.entry("instagram.com", "instagram"), Map.entry("signal.me", "signal"),
      Map.entry("onlyfans.com", "onlyfans"), Map.entry("twitter.com", "twitter"), Map.entry("x.com", "twitter"));

  /** The words of the tables above, found from a span of text without building its lower-case form. */
  private static final CaselessWords PLATFORM_NAMES = CaselessWords.of(PLATFORMS.keySet(), Set.of("whats"));
  private static final CaselessWords WORDS_AFTER_PLATFORM = CaselessWords.of(FILLERS, NOT_HANDLES, PLATFORMS.keySet());
  private static final CaselessWords LINK_HOST_NAMES = CaselessWords.of(LINK_HOSTS.keySet());

  private static final ContactScanner DEFAULT = new ContactScanner();

  static ContactScanner defaults() { return DEFAULT; }

  // token kinds
  static final byte WORD = 0, AT = 1, AT_WORD = 2, DOT = 3, DOT_WORD = 4, URL_TOKEN = 5, MARK = 6, BREAK = 7;

  /**
   * Identifiers in {@code text} (field null), in order of their start. Phones come only from
   * {@code wa.me/} links here, normalised with {@code phones}.
   */
  List<Identifier> scan(String text, PhoneNormaliser phones) {
    ContactTokens tokens = PhoneScan.contactTokens();
    try {
      tokenize(text, tokens);
      walk(text, tokens, phones, tokens.found);
      return tokens.found.isEmpty() ? List.of() : List.copyOf(tokens.found);
    } finally {
      tokens.clear();
    }
  }

  private static void walk(String text, ContactTokens tokens, PhoneNormaliser phones, List<Identifier> out) {
    int i = 0;
    while (i < tokens.size()) {
      byte kind = tokens.kind(i);
      int next;
      if (kind == URL_TOKEN) {
        url(text, tokens.start(i), tokens.end(i), phones, out);
        next = i + 1;
      } else if (kind == WORD && (next = email(text, tokens, i, out)) > i) {
        // consumed
      } else if (kind == WORD && (next = handle(text, tokens, i, out)) > i) {
        // consumed
      } else if (kind == AT && (i == 0 || tokens.kind(i - 1) != WORD || tokens.spaceBefore(i)) && i + 1 < tokens.size()
          && tokens.kind(i + 1) == WORD && !tokens.spaceBefore(i + 1)) {
        String name = handleName(text, tokens.start(i + 1), tokens.end(i + 1));
        if (name != null) out.add(new Identifier(IdentifierType.HANDLE, "@" + name, tokens.start(i), tokens.end(i + 1), null));
        next = i + 2;
      } else {
        next = i + 1;
      }
      i = next;
    }
  }

  /** An e-mail starting at word {@code i}: the index after it, or {@code i}. */
  private static int email(String text, ContactTokens tokens, int i, List<Identifier> out) {
    if (i + 2 >= tokens.size()) return i;
    byte at = tokens.kind(i + 1);
    if (at != AT && at != AT_WORD) return i;
    if (tokens.kind(i + 2) != WORD) return i;
    if (!isLocalPart(text, tokens.start(i), tokens.end(i))) return i;
    int j = i + 3;
    // the spelled "at" needs a dot after the first domain word: test that before building the domain
    if (at == AT_WORD && !(j + 1 < tokens.size() && isDot(tokens.kind(j)) && tokens.kind(j + 1) == WORD)) return i;
    StringBuilder domain = tokens.domain;
    domain.setLength(0);
    appendLower(domain, text, tokens.start(i + 2), tokens.end(i + 2));
    int end = tokens.end(i + 2);
    while (j + 1 < tokens.size() && isDot(tokens.kind(j)) && tokens.kind(j + 1) == WORD) {
      domain.append('.');
      appendLower(domain, text, tokens.start(j + 1), tokens.end(j + 1));
      end = tokens.end(j + 1);
      j += 2;
    }
    if (!isDomain(domain)) return i;
    String normalised = text.substring(tokens.start(i), tokens.end(i)).toLowerCase(Locale.ROOT) + "@" + domain;
    out.add(new Identifier(IdentifierType.EMAIL, normalised, tokens.start(i), end, null));
    return j;
  }

  private static boolean isDot(byte kind) { return kind == DOT || kind == DOT_WORD; }

  /** A handle after a platform name at word {@code i}: the index after it, or {@code i}. */
  private static int handle(String text, ContactTokens tokens, int i, List<Identifier> out) {
    if (!mayNamePlatform(text, tokens.start(i), tokens.end(i))) return i;
    String key = PLATFORM_NAMES.find(text, tokens.start(i), tokens.end(i));
    if (key == null) return i;
    int j = i + 1;
    if (key.equals("whats") && j < tokens.size() && tokens.kind(j) == WORD && "app".equals(wordAfterPlatform(text, tokens, j))) {
      key = "whatsapp";
      j++;
    }
    String platform = PLATFORMS.get(key);
    if (platform == null) return i;
    boolean marker = false, me = false;
    int limit = Math.min(tokens.size(), j + MAX_LOOKAHEAD);
    for (; j < limit; j++) {
      byte kind = tokens.kind(j);
      if (kind == MARK) {
        marker = true;
        continue;
      }
      if (kind == AT) { // "@name", glued: "line @ kik" names no handle
        if (j + 1 >= tokens.size() || tokens.spaceBefore(j + 1)) return i;
        marker = true;
        continue;
      }
      if (kind != WORD) return i;
      String w = wordAfterPlatform(text, tokens, j); // null: none of the tables' words
      if (w != null && FILLERS.contains(w)) {
        if (MARKERS.contains(w)) marker = true;
        if (w.equals("me")) me = true;
        continue;
      }
      if (!marker && !(me && !WEAK.contains(key))) return i;
      if (w != null && (NOT_HANDLES.contains(w) || PLATFORMS.containsKey(w))) return i;
      if (j + 1 < tokens.size() && (tokens.kind(j + 1) == AT || tokens.kind(j + 1) == AT_WORD)) return i; // an e-mail
      String name = handleName(text, tokens.start(j), tokens.end(j));
      if (name == null) return i;
      out.add(new Identifier(IdentifierType.HANDLE, platform + ":" + name, tokens.start(i), tokens.end(j), null));
      return j + 1;
    }
    return i;
  }

  /** The filler, non-handle word or platform name that word {@code j} lower-cases to, or null. */
  private static String wordAfterPlatform(String text, ContactTokens tokens, int j) {
    return WORDS_AFTER_PLATFORM.find(text, tokens.start(j), tokens.end(j));
  }

  /**
   * Whether word {@code text[start, end)} can be a platform name (or "whats" of "whats app"), judged by
   * its length and first char before the table is searched: lower casing never shortens a word and maps
   * an ASCII letter to an ASCII letter, so a longer word or one whose first char is an ASCII letter no
   * name starts with is none; other first chars go to the table.
   */
  private static boolean mayNamePlatform(String text, int start, int end) {
    if (end - start > PLATFORM_MAX_LENGTH) return false;
    char c = text.charAt(start);
    if (c >= 128) return true;
    c = Character.toLowerCase(c);
    return c >= 'a' && c <= 'z' && (PLATFORM_FIRST_LETTERS & (1 << (c - 'a'))) != 0;
  }

  private static final int PLATFORM_MAX_LENGTH;
  private static final int PLATFORM_FIRST_LETTERS; // bit c - 'a' for each first letter
  static {
    int max = "whats".length();
    int first = 1 << ('w' - 'a');
    for (String k : PLATFORMS.keySet()) {
      max = Math.max(max, k.length());
      first |= 1 << (k.charAt(0) - 'a');
    }
    PLATFORM_MAX_LENGTH = max;
    PLATFORM_FIRST_LETTERS = first;
  }

  /** The lower-cased handle of word {@code text[start, end)}, or null when it is not one (length, chars, all digits). */
  static String handleName(String text, int start, int end) {
    int len = end - start;
    if (len < 2 || len > 32) return null;
    boolean letter = false;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c)) letter = true;
      else if (!(c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) return null;
    }
    return letter ? text.substring(start, end).toLowerCase(Locale.ROOT) : null;
  }

  private static void url(String text, int start, int end, PhoneNormaliser phones, List<Identifier> out) {
    String raw = text.substring(start, end);
    String s = raw;
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) s = s.substring(8);
    else if (lower.startsWith("http://")) s = s.substring(7);
    if (s.toLowerCase(Locale.ROOT).startsWith("www.")) s = s.substring(4);
    int slash = s.indexOf('/');
    String host = (slash < 0 ? s : s.substring(0, slash)).toLowerCase(Locale.ROOT);
    String path = slash < 0 ? "" : s.substring(slash + 1);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    if (host.isEmpty()) return;
    String platform = LINK_HOSTS.get(host);
    if (platform != null && !path.isEmpty()) {
      String segment = path;
      if (platform.equals("snapchat") && segment.startsWith("add/")) segment = segment.substring(4);
      if (platform.equals("line") && segment.startsWith("ti/p/")) segment = segment.substring(5);
      int cut = 0;
      while (cut < segment.length() && segment.charAt(cut) != '/' && segment.charAt(cut) != '?' && segment.charAt(cut) != '#') cut++;
      segment = segment.substring(0, cut);
      if (segment.startsWith("~") || segment.startsWith("@")) segment = segment.substring(1);
      if (platform.equals("whatsapp")) {
        String digits = segment.startsWith("+") ? segment.substring(1) : segment;
        if (digits.length() >= PhoneNumberScanner.MIN_DIGITS && digits.length() <= PhoneNumberScanner.MAX_DIGITS
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          // wa.me links carry the number in international form without '+'
          out.add(new Identifier(IdentifierType.PHONE, phones.normalise("+" + digits), start, end, null));
          return;
        }
      } else if (!segment.isEmpty() && segment.length() <= 64) {
        out.add(new Identifier(IdentifierType.HANDLE, platform + ":" + segment.toLowerCase(Locale.ROOT), start, end, null));
        return;
      }
    }
    out.add(new Identifier(IdentifierType.URL, path.isEmpty() ? host : host + "/" + path, start, end, null));
  }

  private static boolean isLocalPart(String text, int start, int end) {
    if (end - start > 64) return false;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'))) return false;
    }
    return Character.isLetterOrDigit(text.charAt(start));
  }

  /** Two or more labels of [a-z0-9-], a last label of 2-24 letters, at most 253 chars. */
  static boolean isDomain(CharSequence d) {
    int n = d.length();
    if (n > 253 || n == 0) return false;
    int labels = 0, labelStart = 0;
    for (int k = 0; k <= n; k++) {
      if (k == n || d.charAt(k) == '.') {
        if (k == labelStart) return false;
        labels++;
        if (k == n) {
          int tld = k - labelStart;
          if (tld < 2 || tld > 24) return false;
          for (int q = labelStart; q < k; q++) if (!(d.charAt(q) >= 'a' && d.charAt(q) <= 'z')) return false;
        }
        labelStart = k + 1;
      } else {
        char c = d.charAt(k);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
      }
    }
    return labels >= 2;
  }

  private static void appendLower(StringBuilder sb, String text, int start, int end) {
    for (int k = start; k < end; k++) sb.append(Character.toLowerCase(text.charAt(k)));
  }

  // ---------------------------------------------------------------- tokeniser

  static boolean isWordChar(char c) {
    if (c < 128) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
        || c == '-' || c == '+' || c == '%';
    return Character.isLetterOrDigit(c);
  }

  /** Chars a word may not end with: they belong to the sentence ("mail me at a@example.com."). */
  private static boolean trailingPunct(char c) { return c == '.' || c == '-' || c == '+' || c == '%'; }

  /** Appends the tokens of {@code text} to {@code out}. */
  static void tokenize(String text, ContactTokens out) {
    int n = text.length();
    int i = 0;
    boolean space = true;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(BREAK, i, i + 1, space);
        space = true;
        i++;
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
        i++;
        continue;
      }
      int urlEnd = urlAt(text, i);
      if (urlEnd > i) {
        out.add(URL_TOKEN, i, urlEnd, space);
        i = urlEnd;
        space = false;
        continue;
      }
      int bracket = bracketWord(text, i);
      if (bracket != 0) {
        int end = i + Math.abs(bracket);
        out.add(bracket > 0 ? AT : DOT, i, end, space);
        i = end;
        space = false;
        continue;
      }
      if (c == '@' || c == '\uFF20') {
        out.add(AT, i, i + 1, space);
        i++;
        space = false;
        continue;
      }
      if (isWordChar(c) && !trailingPunct(c)) {
        int j = i + 1;
        while (j < n && j - i < MAX_WORD && isWordChar(text.charAt(j))) j++;
        int end = j;
        while (end > i + 1 && trailingPunct(text.charAt(end - 1))) end--;
        byte kind = WORD;
        if (end - i == 2 && (text.charAt(i) | 0x20) == 'a' && (text.charAt(i + 1) | 0x20) == 't') kind = AT_WORD;
        else if (end - i == 3 && (text.charAt(i) | 0x20) == 'd' && (text.charAt(i + 1) | 0x20) == 'o'
            && (text.charAt(i + 2) | 0x20) == 't') kind = DOT_WORD;
        if (kind == WORD && j - i >= MAX_WORD) {
          // an over-long run is no identifier: skip all of it
          while (j < n && isWordChar(text.charAt(j))) j++;
          out.add(BREAK, i, j, space);
          i = j;
          space = false;
          continue;
        }
        // a word followed by '/' may be a messenger link host written without scheme
        if (kind == WORD && end == j && j < n && text.charAt(j) == '/' && LINK_HOST_NAMES.find(text, i, end) != null) {
          int e = urlRun(text, i);
          out.add(URL_TOKEN, i, e, space);
          i = e;
          space = false;
          continue;
        }
        out.add(kind, i, end, space);
        i = end;
        space = false;
        continue;
      }
      out.add(c == ':' || c == '=' || c == '-' || c == '\u2013' || c == '\u2192' || c == '>' ? MARK : BREAK, i, i + 1, space);
      i++;
      space = false;
    }
  }

  /** If a web address starts at {@code i} (http://, https://, www.), its end; else {@code i}. */
  static int urlAt(String text, int i) {
    char c = text.charAt(i);
    if ((c | 0x20) != 'h' && (c | 0x20) != 'w') return i;
    if (i > 0 && isWordChar(text.charAt(i - 1)) && text.charAt(i - 1) != '.') return i;
    if (!startsWithIgnoreCase(text, i, "http://") && !startsWithIgnoreCase(text, i, "https://")
        && !startsWithIgnoreCase(text, i, "www.")) return i;
    int e = urlRun(text, i);
    int prefix = startsWithIgnoreCase(text, i, "https://") ? 8 : startsWithIgnoreCase(text, i, "http://") ? 7 : 4;
    return e - i > prefix + 2 ? e : i; // a host of a few chars at least
  }

  /** End of the address starting at {@code i}: up to white space or a quote, without trailing punctuation. */
  static int urlRun(String text, int i) {
    int n = text.length();
    int j = i;
    while (j < n && j - i < MAX_URL) {
      char c = text.charAt(j);
      if (Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '\'' || c < 32 || c == '\u00A0') break;
      j++;
    }
    while (j > i && ".,;:!?)]}".indexOf(text.charAt(j - 1)) >= 0) j--;
    return j;
  }

  /**
   * {@code (at) [at] {at} <at>} and the same with {@code dot}, case-insensitive, optionally with spaces
   * inside: the length as positive for at, negative for dot, 0 for none.
   */
  static int bracketWord(String text, int i) {
    char open = text.charAt(i);
    char close = switch (open) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      default -> 0;
    };
    if (close == 0) return 0;
    int n = text.length();
    int j = i + 1;
    while (j < n && j - i < 4 && text.charAt(j) == ' ') j++;
    boolean at;
    if (startsWithIgnoreCase(text, j, "at")) {
      at = true;
      j += 2;
    } else if (startsWithIgnoreCase(text, j, "dot")) {
      at = false;
      j += 3;
    } else if (j < n && text.charAt(j) == '@') {
      at = true;
      j += 1;
    } else if (j < n && text.charAt(j) == '.') {
      at = false;
      j += 1;
    } else {
      return 0;
    }
    int k = j;
    while (k < n && k - j < 3 && text.charAt(k) == ' ') k++;
    if (k >= n || text.charAt(k) != close) return 0;
    int len = k + 1 - i;
    return at ? len : -len;
  }

  static boolean startsWithIgnoreCase(String text, int i, String prefix) {
    return text.regionMatches(true, i, prefix, 0, prefix.length());
  }
}
