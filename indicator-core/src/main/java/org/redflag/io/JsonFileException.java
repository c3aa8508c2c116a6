package org.redflag.io;

/**
 * A JSON file Redflag reads (a pack, a market baseline) that cannot be used. The message names the
 * file, the JSON path and the reason, never the file's content. Subclasses say which kind of file.
 */
public abstract class JsonFileException extends IllegalArgumentException {
  private final String file;
  private final String jsonPath;
  private final String reason;

  protected JsonFileException(String file, String jsonPath, String reason) {
    super(file + ": " + jsonPath + ": " + reason);
    this.file = file;
    this.jsonPath = jsonPath;
    this.reason = reason;
  }

  public String file() { return file; }
  public String jsonPath() { return jsonPath; }
  public String reason() { return reason; }
}
