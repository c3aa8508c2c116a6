package org.redflag.identifier;

import java.util.Objects;

/**
 * One contact identifier found in an advert: its type, its normalised form (hash it with {@code
 * IdentifierHasher} before it leaves the process), and its span {@code [start, end)} in the field it
 * was found in ({@code field} null for the advert text, {@code "title"}, or {@code "contacts[i]"}).
 */
public record Identifier(IdentifierType type, String normalised, int start, int end, String field) {
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(normalised, "normalised");
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
  }

  /** The same identifier found in another field. */
  Identifier inField(String f) { return new Identifier(type, normalised, start, end, f); }

  /** Never prints the identifier itself: identifiers may end up in logs. */
  @Override
  public String toString() {
    return "Identifier[" + type.label() + ", " + start + ", " + end + (field == null ? "" : ", " + field) + "]";
  }
}
