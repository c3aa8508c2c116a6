package org.redflag.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pre-optimisation code, kept as an oracle for this optimisation: {@link ContactScanner} as it was
 * before its tokens became parallel int arrays in per-thread scratch and its word comparisons stopped
 * building lower-case substrings (main 70a369e), renamed and otherwise unchanged. It allocates a token
 * record per token and a string per compared word, which is why it is not the production code; {@code
 * ContactScannerAgreementProperties} checks the two find exactly the same identifiers.
 *
 * <p>Do not fix or tune this copy: it defines the behaviour the optimised scanner must keep.
 */
final class ContactScannerOracle {
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

  private static final ContactScannerOracle DEFAULT = new ContactScannerOracle();

  static ContactScannerOracle defaults() { return DEFAULT; }

  // token kinds
  static final byte WORD = 0, AT = 1, AT_WORD = 2, DOT = 3, DOT_WORD = 4, URL_TOKEN = 5, MARK = 6, BREAK = 7;

  /** A token: kind, span, and whether white space came right before it. */
  record Token(byte kind, int start, int end, boolean spaceBefore) {}

  /**
   * Identifiers in {@code text} (field null), in order of their start. Phones come only from
   * {@code wa.me/} links here, normalised with {@code phones}.
   */
  List<Identifier> scan(String text, PhoneNormaliser phones) {
    List<Token> tokens = tokenize(text);
    List<Identifier> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      int next;
      if (t.kind == URL_TOKEN) {
        url(text, t, phones, out);
        next = i + 1;
      } else if (t.kind == WORD && (next = email(text, tokens, i, out)) > i) {
        // consumed
      } else if (t.kind == WORD && (next = handle(text, tokens, i, out)) > i) {
        // consumed
      } else if (t.kind == AT && (i == 0 || tokens.get(i - 1).kind != WORD || t.spaceBefore) && i + 1 < tokens.size()
          && tokens.get(i + 1).kind == WORD && !tokens.get(i + 1).spaceBefore) {
        Token w = tokens.get(i + 1);
        String name = handleName(text, w);
        if (name != null) out.add(new Identifier(IdentifierType.HANDLE, "@" + name, t.start, w.end, null));
        next = i + 2;
      } else {
        next = i + 1;
      }
      i = next;
    }
    return out;
  }

  /** An e-mail starting at word {@code i}: the index after it, or {@code i}. */
  private static int email(String text, List<Token> tokens, int i, List<Identifier> out) {
    if (i + 2 >= tokens.size()) return i;
    Token local = tokens.get(i);
    Token at = tokens.get(i + 1);
    if (at.kind != AT && at.kind != AT_WORD) return i;
    if (tokens.get(i + 2).kind != WORD) return i;
    if (!isLocalPart(text, local.start, local.end)) return i;
    StringBuilder domain = new StringBuilder();
    int j = i + 2;
    appendLower(domain, text, tokens.get(j));
    int end = tokens.get(j).end;
    boolean spelledDot = false;
    j++;
    while (j + 1 < tokens.size() && (tokens.get(j).kind == DOT || tokens.get(j).kind == DOT_WORD) && tokens.get(j + 1).kind == WORD) {
      spelledDot = true;
      domain.append('.');
      appendLower(domain, text, tokens.get(j + 1));
      end = tokens.get(j + 1).end;
      j += 2;
    }
    if (at.kind == AT_WORD && !spelledDot) return i;
    if (!isDomain(domain)) return i;
    String normalised = text.substring(local.start, local.end).toLowerCase(Locale.ROOT) + "@" + domain;
    out.add(new Identifier(IdentifierType.EMAIL, normalised, local.start, end, null));
    return j;
  }

  /** A handle after a platform name at word {@code i}: the index after it, or {@code i}. */
  private static int handle(String text, List<Token> tokens, int i, List<Identifier> out) {
    Token p = tokens.get(i);
    if (!mayNamePlatform(text, p)) return i;
    String key = lower(text, p);
    int j = i + 1;
    if (key.equals("whats") && j < tokens.size() && tokens.get(j).kind == WORD && lower(text, tokens.get(j)).equals("app")) {
      key = "whatsapp";
      j++;
    }
    String platform = PLATFORMS.get(key);
    if (platform == null) return i;
    boolean marker = false, me = false;
    int limit = Math.min(tokens.size(), j + MAX_LOOKAHEAD);
    for (; j < limit; j++) {
      Token t = tokens.get(j);
      if (t.kind == MARK) {
        marker = true;
        continue;
      }
      if (t.kind == AT) { // "@name", glued: "line @ kik" names no handle
        if (j + 1 >= tokens.size() || tokens.get(j + 1).spaceBefore) return i;
        marker = true;
        continue;
      }
      if (t.kind != WORD) return i;
      String w = lower(text, t);
      if (FILLERS.contains(w)) {
        if (MARKERS.contains(w)) marker = true;
        if (w.equals("me")) me = true;
        continue;
      }
      if (!marker && !(me && !WEAK.contains(key))) return i;
      if (NOT_HANDLES.contains(w) || PLATFORMS.containsKey(w)) return i;
      if (j + 1 < tokens.size() && (tokens.get(j + 1).kind == AT || tokens.get(j + 1).kind == AT_WORD)) return i; // an e-mail
      String name = handleName(text, t);
      if (name == null) return i;
      out.add(new Identifier(IdentifierType.HANDLE, platform + ":" + name, p.start, t.end, null));
      return j + 1;
    }
    return i;
  }

  /**
   * Whether word {@code p} can be a platform name (or "whats" of "whats app"), judged without building
   * its lower-case form, which most words of an advert would otherwise get only to miss the table. Lower
   * casing never shortens a word and maps an ASCII letter to an ASCII letter, so a longer word or one
   * whose first char is an ASCII letter no name starts with is none; other first chars go to the table.
   */
  private static boolean mayNamePlatform(String text, Token p) {
    if (p.end - p.start > PLATFORM_MAX_LENGTH) return false;
    char c = text.charAt(p.start);
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

  /** The lower-cased handle of word {@code w}, or null when it is not one (length, chars, all digits). */
  static String handleName(String text, Token w) {
    int len = w.end - w.start;
    if (len < 2 || len > 32) return null;
    boolean letter = false;
    for (int k = w.start; k < w.end; k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c)) letter = true;
      else if (!(c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) return null;
    }
    return letter ? text.substring(w.start, w.end).toLowerCase(Locale.ROOT) : null;
  }

  private static void url(String text, Token t, PhoneNormaliser phones, List<Identifier> out) {
    String raw = text.substring(t.start, t.end);
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
          out.add(new Identifier(IdentifierType.PHONE, phones.normalise("+" + digits), t.start, t.end, null));
          return;
        }
      } else if (!segment.isEmpty() && segment.length() <= 64) {
        out.add(new Identifier(IdentifierType.HANDLE, platform + ":" + segment.toLowerCase(Locale.ROOT), t.start, t.end, null));
        return;
      }
    }
    out.add(new Identifier(IdentifierType.URL, path.isEmpty() ? host : host + "/" + path, t.start, t.end, null));
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

  private static void appendLower(StringBuilder sb, String text, Token t) {
    for (int k = t.start; k < t.end; k++) sb.append(Character.toLowerCase(text.charAt(k)));
  }

  private static String lower(String text, Token t) { return text.substring(t.start, t.end).toLowerCase(Locale.ROOT); }

  // ---------------------------------------------------------------- tokeniser

  static boolean isWordChar(char c) {
    if (c < 128) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
        || c == '-' || c == '+' || c == '%';
    return Character.isLetterOrDigit(c);
  }

  /** Chars a word may not end with: they belong to the sentence ("mail me at a@example.com."). */
  private static boolean trailingPunct(char c) { return c == '.' || c == '-' || c == '+' || c == '%'; }

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean space = true;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(new Token(BREAK, i, i + 1, space));
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
        out.add(new Token(URL_TOKEN, i, urlEnd, space));
        i = urlEnd;
        space = false;
        continue;
      }
      int bracket = bracketWord(text, i);
      if (bracket != 0) {
        int end = i + Math.abs(bracket);
        out.add(new Token(bracket > 0 ? AT : DOT, i, end, space));
        i = end;
        space = false;
        continue;
      }
      if (c == '@' || c == '\uFF20') {
        out.add(new Token(AT, i, i + 1, space));
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
          out.add(new Token(BREAK, i, j, space));
          i = j;
          space = false;
          continue;
        }
        // a word followed by '/' may be a messenger link host written without scheme
        if (kind == WORD && end == j && j < n && text.charAt(j) == '/' && LINK_HOSTS.containsKey(text.substring(i, end).toLowerCase(Locale.ROOT))) {
          int e = urlRun(text, i);
          out.add(new Token(URL_TOKEN, i, e, space));
          i = e;
          space = false;
          continue;
        }
        out.add(new Token(kind, i, end, space));
        i = end;
        space = false;
        continue;
      }
      out.add(new Token(c == ':' || c == '=' || c == '-' || c == '\u2013' || c == '\u2192' || c == '>' ? MARK : BREAK, i, i + 1, space));
      i++;
      space = false;
    }
    return out;
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
