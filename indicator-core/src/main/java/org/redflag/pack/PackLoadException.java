package org.redflag.pack;

import org.redflag.io.JsonFileException;

/** A pack file that cannot be used: names the file, the JSON path and the reason. */
public final class PackLoadException extends JsonFileException {
  public PackLoadException(String file, String jsonPath, String reason) {
    super(file, jsonPath, reason);
  }
}
