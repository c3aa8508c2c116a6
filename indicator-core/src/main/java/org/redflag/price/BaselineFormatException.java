package org.redflag.price;

import org.redflag.io.JsonFileException;

/** A baseline file that cannot be used: names the file, the JSON path and the reason. */
public final class BaselineFormatException extends JsonFileException {
  public BaselineFormatException(String file, String jsonPath, String reason) {
    super(file, jsonPath, reason);
  }
}
