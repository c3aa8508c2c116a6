package org.redflag.morph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.ISequenceEncoder;
import morfologik.stemming.WordData;

/**
 * One language's pair of LanguageTool morfologik dictionaries: the tagger dictionary (form to
 * lemma and tag) and the synthesiser dictionary (lemma and tag to form).
 *
 * <p>The synthesiser dictionary's entries are {@code lemma|tag → form}, stored in a finite state
 * automaton sorted by input, so all forms of a lemma are the sequences under the automaton node
 * reached by {@code lemma|}: one prefix walk, bounded by the lemma's own paradigm, with no tag list
 * and no inverse index of the whole dictionary (LanguageTool's {@code BaseSynthesizer} looks up one
 * {@code lemma|tag} at a time the same way).
 */
final class MorphDictionary {
  /** Separates lemma and tag in the synthesiser dictionary's input (LanguageTool convention). */
  private static final char LEMMA_TAG_SEPARATOR = '|';

  private final Dictionary tagger;
  private final Dictionary synth;

  MorphDictionary(String taggerResource, String synthResource) {
    this.tagger = read(taggerResource);
    this.synth = read(synthResource);
  }

  private static Dictionary read(String resource) {
    URL url = MorphDictionary.class.getResource(resource);
    if (url == null) throw new IllegalStateException("dictionary missing from the class path: " + resource);
    try {
      return Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary " + resource, e);
    }
  }

  /** The lemmas the tagger dictionary gives for {@code word} as written (case-sensitive). */
  Set<String> lemmas(String word) {
    Set<String> out = new TreeSet<>();
    // DictionaryLookup keeps per-call buffers: one per call, so this method is thread-safe
    for (WordData w : new DictionaryLookup(tagger).lookup(word)) out.add(w.getStem().toString());
    return out;
  }

  /**
   * Every form the synthesiser dictionary holds for the lemma {@code lemma} as written
   * (case-sensitive), lower-cased; empty when it has no such lemma.
   */
  Set<String> forms(String lemma) {
    Set<String> out = new TreeSet<>();
    byte[] prefix;
    CharsetEncoder encoder = synth.metadata.getEncoder();
    try {
      ByteBuffer b = encoder.encode(CharBuffer.wrap(lemma + LEMMA_TAG_SEPARATOR));
      prefix = new byte[b.remaining()];
      b.get(prefix);
    } catch (CharacterCodingException e) {
      return out;   // a word the dictionary's charset cannot spell is not in it
    }
    FSA fsa = synth.fsa;
    MatchResult m = new FSATraversal(fsa).match(prefix);
    if (m.kind != MatchResult.SEQUENCE_IS_A_PREFIX) return out;
    byte separator = synth.metadata.getSeparator();
    ISequenceEncoder sequenceEncoder = synth.metadata.getSequenceEncoderType().get();
    CharsetDecoder decoder = synth.metadata.getDecoder();
    for (ByteBuffer seq : fsa.getSequences(m.node)) {
      // seq holds the rest of the input (the tag), the separator, the encoded form[, separator, tag]
      int start = seq.position();
      int end = seq.limit();
      int sep = -1;
      for (int i = start; i < end; i++) {
        if (seq.get(i) == separator) {
          sep = i;
          break;
        }
      }
      if (sep < 0) continue;
      int formEnd = end;
      for (int i = sep + 1; i < end; i++) {
        if (seq.get(i) == separator) {
          formEnd = i;
          break;
        }
      }
      ByteBuffer input = ByteBuffer.allocate(prefix.length + sep - start);
      input.put(prefix);
      for (int i = start; i < sep; i++) input.put(seq.get(i));
      input.flip();
      ByteBuffer encoded = ByteBuffer.allocate(formEnd - sep - 1);
      for (int i = sep + 1; i < formEnd; i++) encoded.put(seq.get(i));
      encoded.flip();
      ByteBuffer form = sequenceEncoder.decode(ByteBuffer.allocate(0), input, encoded);
      try {
        out.add(decoder.decode(form).toString().toLowerCase(Locale.ROOT));
      } catch (CharacterCodingException e) {
        throw new IllegalStateException("dictionary entry not in its declared charset under lemma '" + lemma + "'", e);
      }
    }
    return out;
  }
}
