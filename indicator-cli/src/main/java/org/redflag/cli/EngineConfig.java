package org.redflag.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.redflag.engine.RiskEngine;
import org.redflag.identifier.IdentifierExtractor;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.pack.PackLoader;
import org.redflag.price.MarketBaselines;
import org.redflag.risk.LogisticRiskModel;

/**
 * The engine that the engine options ({@link EngineOptions}: {@code --pack}, {@code --model},
 * {@code --baseline}, {@code --hash-key-file}, {@code --nlp} ...) describe, as serialisable values:
 * the bytes of every file, read once where the options are given, and the switches. The one place
 * that turns the options into an engine, for every command and for {@code redflag-spark}, whose
 * driver sends this to executors that cannot read the driver's files. Files are named by their file
 * name, as the engine reports them in assessments.
 *
 * <p>Without a key file a random key is drawn when the config is built, so all engines built from one
 * config hash identifiers alike (one CLI run, or every executor of one Spark job). The key is part of
 * the serialised form: protect the channel it travels over.
 */
public final class EngineConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<NamedBytes> packs;
  private final boolean defaultPacks;
  private final NamedBytes model;
  private final List<NamedBytes> baselines;
  private final String defaultCountryCode;
  private final byte[] hashKey;
  private final boolean reveal;
  private final boolean nlp;
  private final boolean nlpGrammar;
  private final int maxEvidence;

  /** A file's name and bytes. */
  private record NamedBytes(String name, byte[] bytes) implements Serializable {}

  /** A bad option value; the message names the option. */
  public static final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OptionException(String message) { super(message); }
  }

  private EngineConfig(Builder b) {
    this.packs = List.copyOf(b.packs);
    this.defaultPacks = b.defaultPacks;
    this.model = b.model;
    this.baselines = List.copyOf(b.baselines);
    this.defaultCountryCode = b.defaultCountryCode;
    this.hashKey = b.hashKey != null ? b.hashKey.clone() : randomKey();
    this.reveal = b.reveal;
    this.nlp = b.nlp;
    this.nlpGrammar = b.nlpGrammar;
    this.maxEvidence = b.maxEvidence;
  }

  /** A builder with the options' defaults. */
  public static Builder builder() { return new Builder(); }

  /** A new engine builder for this config (packs and model parsed anew, so call it once per engine). */
  public RiskEngine.Builder engineBuilder() {
    RiskEngine.Builder b = RiskEngine.builder();
    b.evidenceLimits(Math.min(RiskEngine.DEFAULT_MAX_EVIDENCE_PER_INDICATOR, maxEvidence), maxEvidence);
    if (nlpGrammar) b.nlp(org.redflag.nlp.RedflagNlp.componentWithGrammar());
    else if (nlp) b.nlp(org.redflag.nlp.RedflagNlp.component());
    if (!defaultPacks) b.withoutDefaultPacks();
    for (NamedBytes p : packs) b.addPack(PackLoader.load(p.name(), new ByteArrayInputStream(p.bytes())));
    if (model != null) b.model(LogisticRiskModel.parse(model.name(), new String(model.bytes(), StandardCharsets.UTF_8)));
    MarketBaselines all = baselines();
    if (all != null) b.baseline(all);
    if (defaultCountryCode != null) b.identifiers(IdentifierExtractor.withDefaultCountryCode(defaultCountryCode));
    IdentifierHasher hasher = IdentifierHasher.withKey(hashKey);
    // revealing shows identifiers in clear but keeps the key: inputDigest is keyed either way
    b.hasher(reveal ? hasher.revealing() : hasher);
    return b;
  }

  /** The {@code --baseline} files merged, or null without any. */
  public MarketBaselines baselines() {
    if (baselines.isEmpty()) return null;
    MarketBaselines all = MarketBaselines.empty();
    for (NamedBytes p : baselines) all = all.merge(MarketBaselines.parse(new String(p.bytes(), StandardCharsets.UTF_8), p.name()));
    return all;
  }

  /** SHA-256 of everything that shapes the engine, the key included (so never print it). */
  public String fingerprint() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (NamedBytes p : packs) update(d, "pack", p);
      update(d, "model", model);
      for (NamedBytes p : baselines) update(d, "baseline", p);
      d.update(String.valueOf(defaultCountryCode).getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(hashKey);
      d.update(new byte[] {(byte) (defaultPacks ? 1 : 0), (byte) (reveal ? 1 : 0), (byte) (nlp ? 1 : 0), (byte) (nlpGrammar ? 1 : 0)});
      d.update(Integer.toString(maxEvidence).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void update(MessageDigest d, String kind, NamedBytes t) {
    d.update(kind.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    if (t != null) {
      d.update(t.name().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(Integer.toString(t.bytes().length).getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(t.bytes());
    }
    d.update((byte) 0);
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Collects the options; each file option reads its file at once and fails naming the option. */
  public static final class Builder {
    private final List<NamedBytes> packs = new ArrayList<>();
    private boolean defaultPacks = true;
    private NamedBytes model;
    private final List<NamedBytes> baselines = new ArrayList<>();
    private String defaultCountryCode;
    private byte[] hashKey;
    private boolean reveal;
    private boolean nlp;
    private boolean nlpGrammar;
    private int maxEvidence = RiskEngine.DEFAULT_MAX_EVIDENCE_PER_ADVERT;

    private Builder() {}

    /** {@code --pack FILE}: an extra pack or overlay, applied in order after the default packs. */
    public Builder pack(Path file) { packs.add(read(file, "--pack")); return this; }

    /** {@code --no-default-packs}. */
    public Builder withoutDefaultPacks() { defaultPacks = false; return this; }

    /** {@code --model FILE}. */
    public Builder model(Path file) { model = read(file, "--model"); return this; }

    /** {@code --baseline FILE}, repeatable (merged); the file must be UTF-8. */
    public Builder baseline(Path file) {
      NamedBytes b = read(file, "--baseline");
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b.bytes()));
      } catch (CharacterCodingException e) {
        throw new OptionException("--baseline: " + b.name() + " is not UTF-8 text");
      }
      baselines.add(b);
      return this;
    }

    /** {@code --default-country-code CODE}; checked at once. */
    public Builder defaultCountryCode(String code) {
      try {
        IdentifierExtractor.withDefaultCountryCode(code);
      } catch (IllegalArgumentException e) {
        throw new OptionException("--default-country-code: " + e.getMessage());
      }
      defaultCountryCode = code;
      return this;
    }

    /** {@code --hash-key-file FILE}: the key's bytes (at least 16). */
    public Builder hashKeyFile(Path file) {
      byte[] key = read(file, "--hash-key-file").bytes();
      try {
        IdentifierHasher.withKey(key);
      } catch (IllegalArgumentException e) {
        throw new OptionException("--hash-key-file: " + e.getMessage());
      }
      hashKey = key;
      return this;
    }

    /** {@code --reveal-identifiers}: identifiers in clear; the key still keys {@code inputDigest}. */
    public Builder revealIdentifiers() { reveal = true; return this; }

    /** {@code --nlp}. */
    public Builder nlp() { nlp = true; return this; }

    /** {@code --nlp-grammar}: as {@code --nlp}, with OpenNLP's POS tagger. */
    public Builder nlpGrammar() { nlpGrammar = true; return this; }

    /** {@code --max-evidence N}: most evidence items per assessment (at least 1). */
    public Builder maxEvidence(int n) {
      if (n < 1) throw new OptionException("--max-evidence must be at least 1, was " + n);
      maxEvidence = n;
      return this;
    }

    public EngineConfig build() { return new EngineConfig(this); }

    private static NamedBytes read(Path file, String option) {
      Objects.requireNonNull(file, option);
      if (!Files.isRegularFile(file)) throw new OptionException(option + ": no such file: " + file);
      try {
        return new NamedBytes(file.getFileName().toString(), Files.readAllBytes(file));
      } catch (IOException e) {
        throw new OptionException(option + ": cannot read " + file);
      }
    }
  }
}
