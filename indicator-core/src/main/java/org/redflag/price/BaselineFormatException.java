package org.redflag.price;

/** A baseline file that cannot be used: names the file, the JSON path and the reason. */
public final class BaselineFormatException extends IllegalArgumentException {
  private final String file;
  private final String jsonPath;
  private final String reason;

  public BaselineFormatException(String file, String jsonPath, String reason) {
    super(file + ": " + jsonPath + ": " + reason);
    this.file = file;
    this.jsonPath = jsonPath;
    this.reason = reason;
  }

  public String file() { return file; }
  public String jsonPath() { return jsonPath; }
  public String reason() { return reason; }
}
