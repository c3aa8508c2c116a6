package org.redflag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
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
 * Everything an executor needs to build the same engine as the driver, as serialisable values: the
 * contents of the pack, model and baseline files (read once on the driver, so executors need no
 * access to them), the hash key bytes and the switches of the CLI's engine options. Executors build
 * the engine from it once per JVM ({@link #engine()}), never per row.
 *
 * <p>Without a hash key file the driver draws one random key for the whole job, so every executor
 * hashes identifiers alike within a run (as the CLI does within one process). The key travels inside
 * serialised tasks: on a shared cluster, protect the driver-to-executor channel (Spark's
 * {@code spark.authenticate} and {@code spark.network.crypto.enabled}).
 */
public final class EngineSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<NamedText> packs;
  private final boolean defaultPacks;
  private final NamedText model;
  private final List<NamedText> baselines;
  private final String defaultCountryCode;
  private final byte[] hashKey;
  private final boolean reveal;
  private final boolean nlp;
  private final String fingerprint;

  /** A file's name (for error messages) and text. */
  private record NamedText(String name, String text) implements Serializable {}

  private EngineSpec(Builder b) {
    this.packs = List.copyOf(b.packs);
    this.defaultPacks = b.defaultPacks;
    this.model = b.model;
    this.baselines = List.copyOf(b.baselines);
    this.defaultCountryCode = b.defaultCountryCode;
    this.reveal = b.reveal;
    this.hashKey = b.reveal ? null : b.hashKey != null ? b.hashKey.clone() : randomKey();
    this.nlp = b.nlp;
    this.fingerprint = fingerprint();
  }

  public static Builder builder() { return new Builder(); }

  /** The engine for this spec, built on first use in this JVM and shared by all its tasks and threads. */
  public RiskEngine engine() { return Engines.get(this); }

  /** Identifies the spec's content (never printed: it depends on the key). */
  String fingerprint() {
    if (fingerprint != null) return fingerprint;
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (NamedText p : packs) update(d, "pack", p);
      d.update((byte) (defaultPacks ? 1 : 0));
      update(d, "model", model);
      for (NamedText p : baselines) update(d, "baseline", p);
      d.update(String.valueOf(defaultCountryCode).getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      if (hashKey != null) d.update(hashKey);
      d.update((byte) (reveal ? 1 : 0));
      d.update((byte) (nlp ? 1 : 0));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void update(MessageDigest d, String kind, NamedText t) {
    d.update(kind.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    if (t != null) {
      d.update(t.name().getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(t.text().getBytes(StandardCharsets.UTF_8));
    }
    d.update((byte) 0);
  }

  /** Builds the engine as the CLI's engine options do, from the carried file contents. */
  RiskEngine build() {
    RiskEngine.Builder b = RiskEngine.builder();
    if (nlp) b.nlp(org.redflag.nlp.RedflagNlp.component());
    if (!defaultPacks) b.withoutDefaultPacks();
    for (NamedText p : packs) b.addPack(PackLoader.load(p.name(), new java.io.ByteArrayInputStream(p.text().getBytes(StandardCharsets.UTF_8))));
    if (model != null) b.model(LogisticRiskModel.parse(model.name(), model.text()));
    MarketBaselines all = baselines();
    if (all != null) b.baseline(all);
    if (defaultCountryCode != null) b.identifiers(IdentifierExtractor.withDefaultCountryCode(defaultCountryCode));
    b.hasher(reveal ? IdentifierHasher.reveal() : IdentifierHasher.withKey(hashKey));
    return b.build();
  }

  /** The baseline files merged, as the CLI's {@code --baseline} options give them; null without any. */
  MarketBaselines baselines() {
    if (baselines.isEmpty()) return null;
    MarketBaselines all = MarketBaselines.empty();
    for (NamedText p : baselines) all = all.merge(MarketBaselines.parse(p.text(), p.name()));
    return all;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Collects the CLI's engine options; file options read their file at once (on the driver). */
  public static final class Builder {
    private final List<NamedText> packs = new ArrayList<>();
    private boolean defaultPacks = true;
    private NamedText model;
    private final List<NamedText> baselines = new ArrayList<>();
    private String defaultCountryCode;
    private byte[] hashKey;
    private boolean reveal;
    private boolean nlp;

    private Builder() {}

    /** {@code --pack FILE}: an extra pack or overlay, applied in order after the default packs. */
    public Builder pack(Path file) { packs.add(read(file, "--pack")); return this; }

    /** {@code --no-default-packs}. */
    public Builder withoutDefaultPacks() { defaultPacks = false; return this; }

    /** {@code --model FILE}. */
    public Builder model(Path file) { model = read(file, "--model"); return this; }

    /** {@code --baseline FILE}, repeatable (merged). */
    public Builder baseline(Path file) { baselines.add(read(file, "--baseline")); return this; }

    /** {@code --default-country-code CODE}; checked at once. */
    public Builder defaultCountryCode(String code) {
      IdentifierExtractor.withDefaultCountryCode(code);
      defaultCountryCode = code;
      return this;
    }

    /** {@code --hash-key-file FILE}: the key's bytes (at least 16). */
    public Builder hashKeyFile(Path file) {
      requireFile(file, "--hash-key-file");
      try {
        byte[] key = Files.readAllBytes(file);
        IdentifierHasher.withKey(key); // checks the length now, on the driver
        hashKey = key;
      } catch (IOException e) {
        throw new UncheckedIOException("--hash-key-file: cannot read " + file, e);
      }
      return this;
    }

    /** {@code --reveal-identifiers}. */
    public Builder revealIdentifiers() { reveal = true; return this; }

    /** {@code --nlp}. */
    public Builder nlp() { nlp = true; return this; }

    public EngineSpec build() {
      if (reveal && hashKey != null) throw new IllegalArgumentException("--reveal-identifiers and --hash-key-file exclude each other");
      EngineSpec spec = new EngineSpec(this);
      spec.engine(); // fail on the driver, with the file named, rather than on every executor
      return spec;
    }

    private static NamedText read(Path file, String option) {
      requireFile(file, option);
      try {
        return new NamedText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(option + ": cannot read " + file, e);
      }
    }

    private static void requireFile(Path file, String option) {
      Objects.requireNonNull(file, option);
      if (!Files.isRegularFile(file)) throw new IllegalArgumentException(option + ": no such file: " + file);
    }
  }
}
