package org.redflag.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redflag.engine.RiskEngine;
import org.redflag.price.MarketBaselines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The engine options, shared by the commands that build an engine and by {@code redflag-spark} (a
 * picocli mixin); {@link EngineConfig} turns them into an engine.
 */
public final class EngineOptions {
  @Option(names = "--pack", paramLabel = "FILE", description = "Extra indicator pack or overlay (JSON); repeatable, applied in order after the default packs.")
  List<Path> packs = new ArrayList<>();

  @Option(names = "--no-default-packs", description = "Do not load the packs shipped with Redflag.")
  boolean noDefaultPacks;

  /** Deprecated: packs declare their indicators ({@code "indicators"}), which are registered without a flag. */
  @Option(names = "--pack-indicators", hidden = true, description = "Deprecated, does nothing: indicators that packs declare are registered without it.")
  boolean packIndicators;

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  @Option(names = "--model", paramLabel = "FILE", description = "Risk model file (redflag-model/2 or /1, e.g. from redflag calibrate) instead of the default prior.")
  Path model;

  @Option(names = "--hash-key-file", paramLabel = "FILE", description = "Key (at least 16 bytes) for hashing identifiers such as phone numbers and for inputDigest, so hashes link and digests verify across runs. Default: a random key per run (hashes and digests then do not reproduce across runs).")
  Path hashKeyFile;

  @Option(names = "--reveal-identifiers", description = "Print identifiers such as phone numbers in clear instead of hashed, and evidence of identifiers unmasked. Does not change the key or inputDigest.")
  boolean reveal;

  @Option(names = "--default-country-code", paramLabel = "CODE", description = "Country calling code (1-3 digits, e.g. 1 or 44) given to phone numbers written without one, so national and international forms of a number hash alike.")
  String defaultCountryCode;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Market price baseline file from `redflag baseline build`, for price.anomaly; repeatable (files are merged). Without one, price.anomaly makes no call.")
  List<Path> baselines = new ArrayList<>();

  @Option(names = "--nlp", description = "Add the OpenNLP component: nlp.* text features, the nlp.third-person indicator, and language detection that selects packs when an advert states no language.")
  boolean nlp;

  @Option(names = "--nlp-grammar", description = "As --nlp, and also nlp.grammar-irregularity from OpenNLP's POS tagger (slower per advert; no default weight reads it).")
  boolean nlpGrammar;

  @Option(names = "--max-evidence", paramLabel = "N", defaultValue = "" + RiskEngine.DEFAULT_MAX_EVIDENCE_PER_ADVERT,
      description = "Most evidence items per assessment (default ${DEFAULT-VALUE}; at most "
          + RiskEngine.DEFAULT_MAX_EVIDENCE_PER_INDICATOR + " per indicator). Items left out are counted as moreEvidence in their indicator's row.")
  int maxEvidence = RiskEngine.DEFAULT_MAX_EVIDENCE_PER_ADVERT;

  /** The engine these options describe ({@link EngineConfig}: files read now, the key drawn now when none is given). */
  public EngineConfig config() {
    if (packIndicators && mixee != null) {
      mixee.commandLine().getErr().println("warning: --pack-indicators is deprecated and does nothing: the indicators a pack"
          + " declares in \"indicators\" are registered without it (docs/packs.md)");
      mixee.commandLine().getErr().flush();
    }
    EngineConfig.Builder b = EngineConfig.builder().maxEvidence(maxEvidence);
    if (nlpGrammar) b.nlpGrammar();
    if (nlp) b.nlp();
    if (noDefaultPacks) b.withoutDefaultPacks();
    for (Path p : packs) b.pack(p);
    if (model != null) b.model(model);
    for (Path p : baselines) b.baseline(p);
    if (defaultCountryCode != null) b.defaultCountryCode(defaultCountryCode);
    if (hashKeyFile != null) b.hashKeyFile(hashKeyFile);
    if (reveal) b.revealIdentifiers();
    return b.build();
  }

  /** An engine builder for a command; a bad option value is a usage error. */
  RiskEngine.Builder builder() {
    try {
      return config().engineBuilder();
    } catch (EngineConfig.OptionException e) {
      throw new RedflagCommand.CliException(e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
  }

  /** The --baseline files merged, or null when none was given. */
  MarketBaselines baselines() {
    try {
      EngineConfig.Builder b = EngineConfig.builder();
      for (Path p : baselines) b.baseline(p);
      return b.build().baselines();
    } catch (EngineConfig.OptionException e) {
      throw new RedflagCommand.CliException(e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
  }

  static void requireFile(Path p, String option) {
    if (!Files.isRegularFile(p)) {
      throw new RedflagCommand.CliException(option + ": no such file: " + p, RedflagCommand.EXIT_USAGE);
    }
  }
}
