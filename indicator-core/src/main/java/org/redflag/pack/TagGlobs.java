package org.redflag.pack;

import java.util.ArrayList;
import java.util.List;
import org.redflag.pack.PackSet.ResolvedEntry;

/**
 * The tag globs of a lexicon's entries, normalised and split once when the lexicon is compiled, and
 * the glob match itself. A glob is a normalised tag in which {@code *} stands for any run of
 * characters (also none), anywhere: {@code tattoo:text:*-king}. Tags are untrusted input, so no
 * regular expression: a greedy-free segment search, linear in the tag length per segment. Immutable.
 */
final class TagGlobs {
  /** The entries that have tag globs, ascending. */
  private final int[] entries;
  /** The globs of each of those entries, in the order the entry lists them. */
  private final Glob[][] globs;

  TagGlobs(ResolvedEntry[] resolved) {
    List<Integer> with = new ArrayList<>();
    List<Glob[]> all = new ArrayList<>();
    for (int e = 0; e < resolved.length; e++) {
      List<String> tags = resolved[e].entry().tags();
      if (tags.isEmpty()) continue;
      Glob[] g = new Glob[tags.size()];
      for (int k = 0; k < g.length; k++) g[k] = new Glob(normalise(tags.get(k)));
      with.add(e);
      all.add(g);
    }
    entries = with.stream().mapToInt(Integer::intValue).toArray();
    globs = all.toArray(new Glob[0][]);
  }

  /** How many entries have tag globs. */
  int count() { return entries.length; }

  /** The entry index of the {@code k}-th entry with tag globs (ascending in {@code k}). */
  int entry(int k) { return entries[k]; }

  /** Whether any glob of the {@code k}-th entry with tag globs matches {@code tag} (normalised, see {@link #normalise}). */
  boolean anyMatches(int k, String tag) {
    for (Glob g : globs[k]) if (g.matches(tag)) return true;
    return false;
  }

  /**
   * Lower-cases a tag and folds runs of spaces, underscores and dashes to one dash; separators next to
   * a colon are dropped, so {@code "Tattoo : Dollar_Sign"} becomes {@code "tattoo:dollar-sign"}.
   */
  static String normalise(String tag) {
    StringBuilder sb = new StringBuilder(tag.length());
    boolean sep = false;
    for (int i = 0; i < tag.length(); i++) {
      char c = Character.toLowerCase(tag.charAt(i));
      if (c == ' ' || c == '_' || c == '-') {
        sep = true;
      } else {
        if (sep && sb.length() > 0 && sb.charAt(sb.length() - 1) != ':' && c != ':') sb.append('-');
        sep = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the glob {@code pattern} (already normalised) matches {@code tag} (already normalised). */
  static boolean matches(String pattern, String tag) { return new Glob(pattern).matches(tag); }

  /** One glob: the exact tag when it has no star, else the text between its stars. */
  private static final class Glob {
    private final String exact;   // null when the glob has a star
    private final String[] parts; // split at every star; first and last may be empty

    Glob(String pattern) {
      boolean star = pattern.indexOf('*') >= 0;
      exact = star ? null : pattern;
      parts = star ? pattern.split("\\*", -1) : null;
    }

    boolean matches(String tag) {
      if (exact != null) return tag.equals(exact);
      String first = parts[0];
      String last = parts[parts.length - 1];
      if (!tag.startsWith(first)) return false;
      int pos = first.length();
      // the leftmost place of each middle part leaves the most room for the rest
      for (int k = 1; k < parts.length - 1; k++) {
        if (parts[k].isEmpty()) continue;
        int at = tag.indexOf(parts[k], pos);
        if (at < 0) return false;
        pos = at + parts[k].length();
      }
      return tag.length() - last.length() >= pos && tag.endsWith(last);
    }
  }
}
