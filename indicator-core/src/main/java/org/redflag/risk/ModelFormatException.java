package org.redflag.risk;

/** A model file that cannot be used: names the file, the JSON path and the reason. */
public final class ModelFormatException extends IllegalArgumentException {
  public ModelFormatException(String file, String jsonPath, String reason) {
    super(file + ": " + jsonPath + ": " + reason);
  }
}
