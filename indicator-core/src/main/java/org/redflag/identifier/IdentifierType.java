package org.redflag.identifier;

/** Kind of contact identifier; {@link #label()} is the name used in JSON output. */
public enum IdentifierType {
  /** A phone number, normalised to its digits, with the country code when known ({@link IdentifierExtractor}). */
  PHONE("phone"),
  /** An e-mail address, lower-cased. */
  EMAIL("email"),
  /** A messenger or social-media handle, {@code platform:name} (or {@code @name} when no platform is named). */
  HANDLE("handle"),
  /** A web address other than a messenger link, without scheme and {@code www.}, host lower-cased. */
  URL("url");

  private final String label;

  IdentifierType(String label) { this.label = label; }

  public String label() { return label; }
}
