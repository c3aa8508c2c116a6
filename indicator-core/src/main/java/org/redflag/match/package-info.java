/**
 * Multi-pattern matching over normalised text: {@link org.redflag.match.MatchAutomaton} (Aho-Corasick
 * compiled to a dense DFA, linear for any input, per-pattern word-boundary rules, overlapping or
 * leftmost-longest reporting) and {@link org.redflag.match.LexiconPattern} (the pack pattern syntax:
 * phrases, {@code (a|b)} alternatives, {@code {gap:N}} slots). See {@code docs/packs.md}, section
 * "Pattern syntax and context".
 */
package org.redflag.match;
