package org.redflag.io;

/** An advert record that cannot be read: names the field (JSON path) and the problem, never the text. */
public final class AdvertFormatException extends IllegalArgumentException {
  private final String path;

  public AdvertFormatException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /** JSON path of the offending field, e.g. {@code $.tags[2]}. */
  public String path() { return path; }
}
