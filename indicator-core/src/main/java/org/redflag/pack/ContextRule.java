package org.redflag.pack;

import java.util.Objects;

/**
 * How an entry uses a named pack context (as Presidio's context words, but as a gate or a weight):
 * {@link Mode#REQUIRE} drops the entry's matches when the context is absent; {@link Mode#BOOST} keeps
 * them and multiplies the entry's weight by {@code factor} (capped at 1) when the context is present.
 *
 * <p>Package-private: {@link PackLoader} reads it from a pack and {@link CompiledLexicon} applies it;
 * readers of a pack see the context's name ({@link PackEntry#context()}).
 */
record ContextRule(String name, Mode mode, double factor) {
  /** Largest boost factor a pack may give. */
  static final double MAX_FACTOR = 10;

  enum Mode { REQUIRE, BOOST }

  ContextRule {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("context name is required");
    Objects.requireNonNull(mode, "mode");
    if (mode == Mode.REQUIRE && factor != 1) throw new IllegalArgumentException("a required context has no factor");
    if (mode == Mode.BOOST && !(factor > 0 && factor <= MAX_FACTOR)) {
      throw new IllegalArgumentException("boost factor must be within (0, " + MAX_FACTOR + "], was " + factor);
    }
  }

  /** A context the entry requires (the string form {@code "context": "name"}). */
  static ContextRule require(String name) { return new ContextRule(name, Mode.REQUIRE, 1); }

  static ContextRule boost(String name, double factor) { return new ContextRule(name, Mode.BOOST, factor); }

  boolean required() { return mode == Mode.REQUIRE; }
}
