package org.redflag.io;

/**
 * The version of the JSON formats Redflag reads and writes: adverts, assessments, error records,
 * packs, models, baselines and the outputs of evaluate, link and report. Each schema in docs/schema/
 * carries it at the end of its {@code $id} ({@code urn:redflag:schema:assessment:1.0.0}); CHANGELOG.md
 * says what changed between versions. Semantic: a field removed or changed in meaning is a major
 * change, a new optional field a minor one.
 */
public final class FormatVersion {
  /** The current format version. */
  public static final String VERSION = "1.0.0";

  private FormatVersion() {}
}
