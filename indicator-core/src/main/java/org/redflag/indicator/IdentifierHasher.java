package org.redflag.indicator;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Keyed hash (HMAC-SHA256) for identifiers such as phone numbers, so outputs can link adverts that
 * share an identifier without revealing it. With the same key, the same identifier always gives the
 * same hash; without a key given, each engine draws a random one and hashes only link within it.
 */
public final class IdentifierHasher {
  private final HashFunction hmac;
  private final boolean reveal;

  private IdentifierHasher(byte[] key, boolean reveal) {
    this(Hashing.hmacSha256(key), reveal);
  }

  private IdentifierHasher(HashFunction hmac, boolean reveal) {
    this.hmac = hmac;
    this.reveal = reveal;
  }

  /** Hashes with {@code key} (at least 16 bytes). */
  public static IdentifierHasher withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 16) throw new IllegalArgumentException("identifier hash key must have at least 16 bytes, had " + key.length);
    return new IdentifierHasher(key.clone(), false);
  }

  /** Hashes with a random key drawn now. */
  public static IdentifierHasher randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new IdentifierHasher(key, false);
  }

  /** Does not hash identifiers: outputs carry them in clear; the input digest stays keyed (random key). */
  public static IdentifierHasher reveal() { return randomKey().revealing(); }

  /**
   * The same key, but identifiers in clear (and evidence of identifiers unmasked). The key, and so
   * {@link #digest}, is unchanged: revealing never weakens the input digest.
   */
  public IdentifierHasher revealing() { return new IdentifierHasher(hmac, true); }

  public boolean reveals() { return reveal; }

  /**
   * {@code "hmac-sha256:" + 64 hex digits}, the HMAC-SHA256 of {@code data} under this key: a digest
   * of an input that a holder of the key can recompute and compare, and that no one without the key
   * can test guesses against (an unkeyed hash of a short advert can be reversed by enumerating phone
   * numbers). Never affected by {@link #reveals()}.
   */
  public String digest(byte[] data) { return "hmac-sha256:" + hmac.hashBytes(data).toString(); }

  /** The value to put in output for a normalised identifier: its keyed hash, or itself when revealing. */
  public String protect(String normalisedIdentifier) {
    if (reveal) return normalisedIdentifier;
    return "hmac-sha256:" + hmac.hashString(normalisedIdentifier, StandardCharsets.UTF_8).toString().substring(0, 32);
  }
}
