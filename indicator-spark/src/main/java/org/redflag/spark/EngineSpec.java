package org.redflag.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.redflag.cli.EngineConfig;
import org.redflag.engine.RiskEngine;
import org.redflag.price.MarketBaselines;

/**
 * Everything an executor needs to build the same engine as the driver: an {@link EngineConfig} (the
 * CLI's engine options as values: the bytes of the pack, model and baseline files, read once on the
 * driver, the hash key and the switches), which builds engines exactly as the {@code redflag} command
 * does. Executors build the engine from it once per JVM ({@link #engine()}), never per row.
 *
 * <p>Without a hash key file the driver draws one random key for the whole job, so every executor
 * hashes identifiers alike within a run (as the CLI does within one process). The key travels inside
 * serialised tasks: on a shared cluster, protect the driver-to-executor channel (Spark's
 * {@code spark.authenticate} and {@code spark.network.crypto.enabled}).
 */
public final class EngineSpec implements Serializable {
  private static final long serialVersionUID = 2L;

  private final EngineConfig config;
  private final String fingerprint;

  private EngineSpec(EngineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.fingerprint = config.fingerprint();
  }

  /** The spec of a config (from the CLI's {@code EngineOptions.config()}); builds the engine once here, so a bad file fails on the driver. */
  public static EngineSpec of(EngineConfig config) {
    EngineSpec spec = new EngineSpec(config);
    spec.engine();
    return spec;
  }

  public static Builder builder() { return new Builder(); }

  /** The engine for this spec, built on first use in this JVM and shared by all its tasks and threads. */
  public RiskEngine engine() { return Engines.get(this); }

  /** Identifies the spec's content (never printed: it depends on the key). */
  String fingerprint() { return fingerprint; }

  RiskEngine build() { return config.engineBuilder().build(); }

  /** The baseline files merged, as the CLI's {@code --baseline} options give them; null without any. */
  MarketBaselines baselines() { return config.baselines(); }

  /** The CLI's engine options in code; file options read their file at once (on the driver). */
  public static final class Builder {
    private final EngineConfig.Builder config = EngineConfig.builder();

    private Builder() {}

    /** {@code --pack FILE}: an extra pack or overlay, applied in order after the default packs. */
    public Builder pack(Path file) { config.pack(file); return this; }

    /** {@code --no-default-packs}. */
    public Builder withoutDefaultPacks() { config.withoutDefaultPacks(); return this; }

    /** {@code --model FILE}. */
    public Builder model(Path file) { config.model(file); return this; }

    /** {@code --baseline FILE}, repeatable (merged). */
    public Builder baseline(Path file) { config.baseline(file); return this; }

    /** {@code --default-country-code CODE}; checked at once. */
    public Builder defaultCountryCode(String code) { config.defaultCountryCode(code); return this; }

    /** {@code --hash-key-file FILE}: the key's bytes (at least 16). */
    public Builder hashKeyFile(Path file) { config.hashKeyFile(file); return this; }

    /** {@code --reveal-identifiers}. */
    public Builder revealIdentifiers() { config.revealIdentifiers(); return this; }

    /** {@code --nlp}. */
    public Builder nlp() { config.nlp(); return this; }

    public EngineSpec build() { return EngineSpec.of(config.build()); }
  }
}
