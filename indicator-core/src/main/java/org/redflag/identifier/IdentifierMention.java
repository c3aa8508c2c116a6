package org.redflag.identifier;

import java.util.Objects;

/**
 * An identifier as it appears in an assessment: its type, its protected value ({@code
 * IdentifierHasher.protect} of the normalised form: a keyed hash, or the normalised form itself when
 * the caller asked to reveal identifiers), and its span in {@code field} (null: the advert text).
 */
public record IdentifierMention(IdentifierType type, String hash, int start, int end, String field) {
  public IdentifierMention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hash, "hash");
  }
}
