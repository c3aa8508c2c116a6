package org.redflag.pack;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned lexicon of indicator entries for one language (and optionally one jurisdiction), as
 * loaded from JSON by {@link PackLoader}, with the indicators it declares. An overlay pack names the pack
 * it {@code overlays} and may remove entries by id, re-weight entries, add or replace entries, and
 * change the prior of a declared indicator ({@code reprior}).
 */
public final class IndicatorPack {
  /** Language value of packs whose entries apply to text in any language (emoji, tags). */
  public static final String ANY_LANGUAGE = "und";

  private final String id;
  private final String version;
  private final String language;
  private final String jurisdiction;
  private final String description;
  private final String reviewStatus;
  private final String overlays;
  private final ImmutableList<String> remove;
  private final ImmutableMap<String, Double> reweight;
  private final ImmutableMap<String, PackContext> contexts;
  private final ImmutableList<String> negationCues;
  private final int negationWindow;
  private final ImmutableList<String> negationThrough;
  private final ImmutableList<PackEntry> entries;
  private final ImmutableList<IndicatorDeclaration> indicators;
  private final ImmutableMap<String, IndicatorDeclaration.PriorChange> reprior;
  private final String fileName;
  private final PackRef ref;

  IndicatorPack(String id, String version, String language, String jurisdiction, String description,
      String reviewStatus, String overlays, List<String> remove, Map<String, Double> reweight,
      Map<String, PackContext> contexts, List<String> negationCues, int negationWindow, List<String> negationThrough, List<PackEntry> entries,
      List<IndicatorDeclaration> indicators, Map<String, IndicatorDeclaration.PriorChange> reprior, String fileName, String sha256) {
    this.id = id;
    this.version = version;
    this.language = language;
    this.jurisdiction = jurisdiction;
    this.description = description;
    this.reviewStatus = reviewStatus;
    this.overlays = overlays;
    this.remove = ImmutableList.copyOf(remove);
    this.reweight = ImmutableMap.copyOf(reweight);
    this.contexts = ImmutableMap.copyOf(contexts);
    this.negationCues = ImmutableList.copyOf(negationCues);
    this.negationWindow = negationWindow;
    this.negationThrough = ImmutableList.copyOf(negationThrough);
    this.entries = ImmutableList.copyOf(entries);
    this.indicators = ImmutableList.copyOf(indicators);
    this.reprior = ImmutableMap.copyOf(reprior);
    this.fileName = fileName;
    this.ref = new PackRef(id, version, sha256);
  }

  public String id() { return id; }
  public String version() { return version; }
  /** {@code id@version}, as reported in assessments. */
  public String label() { return id + "@" + version; }
  /** BCP 47 language of the entries, or {@value #ANY_LANGUAGE} for language-neutral packs. */
  public String language() { return language; }
  public Optional<String> jurisdiction() { return Optional.ofNullable(jurisdiction); }
  public Optional<String> description() { return Optional.ofNullable(description); }
  /** Review status from the pack's metadata, e.g. {@code reviewed} or {@code needs-local-review}. */
  public String reviewStatus() { return reviewStatus; }
  /** Id of the pack this one overlays, if it is an overlay. */
  public Optional<String> overlays() { return Optional.ofNullable(overlays); }
  public List<String> remove() { return remove; }
  public Map<String, Double> reweight() { return reweight; }
  public Map<String, PackContext> contexts() { return contexts; }
  /** Words that negate a match they govern ("no agency"; the rule is in docs/packs.md, "Negation"). */
  public List<String> negationCues() { return negationCues; }
  /** How many words (of {@link #negationThrough()} and of a coordinated list) a cue's scope may span before a match; 0: no negation. */
  public int negationWindow() { return negationWindow; }
  /** Words a cue's scope passes through to reach a match: articles, possessives, auxiliaries, coordinators ("don't have a manager"). */
  public List<String> negationThrough() { return negationThrough; }
  public List<PackEntry> entries() { return entries; }
  /** The indicators this pack declares (its {@code "indicators"} block), in file order. */
  public List<IndicatorDeclaration> indicators() { return indicators; }
  /** New priors this overlay gives to indicators declared by packs loaded before it. */
  public Map<String, IndicatorDeclaration.PriorChange> reprior() { return reprior; }
  /** Name of the file (or class-path resource) the pack was read from, for error messages. */
  public String fileName() { return fileName; }

  /** Id, version and the SHA-256 of the file's bytes. */
  public PackRef ref() { return ref; }

  @Override
  public String toString() { return "IndicatorPack{" + label() + ", " + entries.size() + " entries}"; }
}
