package org.redflag.pack;

/**
 * Which pack, exactly: its id, version and the SHA-256 (lower-case hex) of the file it was loaded
 * from, so that an assessment can name the bytes it was scored with (two files may carry the same
 * id and version after a local edit).
 */
public record PackRef(String id, String version, String sha256) {}
