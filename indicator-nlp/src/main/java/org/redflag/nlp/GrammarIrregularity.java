package org.redflag.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.postag.POSTaggerME;

/**
 * The {@code nlp.grammar-irregularity} feature ({@code --nlp-grammar}): the share of irregular POS-tag
 * bigrams among the advert's first tokens, tagged by OpenNLP's {@code POSTaggerME} (English and German).
 * Definition in docs/nlp.md.
 */
final class GrammarIrregularity {
  /** Longest sentence handed to the POS tagger, in tokens; bounds the tagger's cost on run-on text. */
  static final int MAX_TAGGED_SENTENCE = 80;
  /**
   * Tokens tagged per advert: the grammar proxy is estimated on the advert's first sentences up to this
   * many tokens. Tagging evaluates the model once per token and is the costliest step per token; the
   * bound keeps its cost per advert fixed whatever the advert's length.
   */
  static final int MAX_TAGGED_TOKENS = 20;

  /**
   * UD POS bigrams that well-formed English and German text almost never contains: a determiner or
   * preposition left without its noun (followed by a verb, pronoun, punctuation, conjunction or another
   * determiner). Their share is a cheap proxy for broken or machine-translated grammar.
   */
  static final Set<String> IRREGULAR_BIGRAMS = Set.of(
      "DET DET", "DET VERB", "DET AUX", "DET PRON", "DET ADP", "DET PUNCT", "DET CCONJ",
      "ADP PUNCT", "ADP AUX", "ADP CCONJ", "CCONJ PUNCT", "CCONJ CCONJ");

  private GrammarIrregularity() {}

  /**
   * The share of irregular bigrams within the sentences of the first {@link #MAX_TAGGED_TOKENS} word and
   * punctuation tokens (those starting within {@link Sentences#MAX_MODEL_CHARS}); 0 when there is no
   * bigram; NaN when {@code lang} has no tagger or the tagger fails.
   */
  static double of(String text, String lang, Tokens t, Sentences sentences) {
    POSTaggerME tagger;
    try {
      tagger = NlpModels.posTagger(lang);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    if (tagger == null) return Double.NaN;
    int irregular = 0, bigrams = 0, budget = MAX_TAGGED_TOKENS;
    List<String> sentence = new ArrayList<>();
    try {
      for (int i = 0; i <= t.size; i++) {
        boolean boundary = i == t.size || (i > 0 && sentences.of(i) != sentences.of(i - 1));
        if (boundary && !sentence.isEmpty()) {
          String[] tags = tagger.tag(sentence.toArray(new String[0]));
          for (int k = 0; k + 1 < tags.length; k++) {
            bigrams++;
            if (IRREGULAR_BIGRAMS.contains(tags[k] + ' ' + tags[k + 1])) irregular++;
          }
          budget -= sentence.size();
          sentence.clear();
        }
        if (i == t.size || t.start[i] >= Sentences.MAX_MODEL_CHARS || budget <= 0) break;
        if (t.kind[i] != Tokens.EMOJI && sentence.size() < Math.min(MAX_TAGGED_SENTENCE, budget)) {
          sentence.add(text.substring(t.start[i], t.end[i]));
        }
      }
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    return bigrams == 0 ? 0.0 : (double) irregular / bigrams;
  }
}
