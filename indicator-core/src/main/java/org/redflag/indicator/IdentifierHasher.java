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
    this.hmac = Hashing.hmacSha256(key);
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

  /** Does not hash: outputs carry identifiers in clear. Only for callers that must see them. */
  public static IdentifierHasher reveal() { return new IdentifierHasher(new byte[32], true); }

  public boolean reveals() { return reveal; }

  /** The value to put in output for a normalised identifier: its keyed hash, or itself when revealing. */
  public String protect(String normalisedIdentifier) {
    if (reveal) return normalisedIdentifier;
    return "hmac-sha256:" + hmac.hashString(normalisedIdentifier, StandardCharsets.UTF_8).toString().substring(0, 32);
  }
}
