/**
 * Redflag's core: adverts in, assessments out. The exported packages are the API embedders and
 * indicator authors use (docs/architecture.md, "API and internals"). Not exported:
 * {@code org.redflag.match} (the automaton the pack compiler builds on) and
 * {@code org.redflag.indicator.builtin} (the indicators with Java logic, reached only through
 * {@link java.util.ServiceLoader}). Inside the exported packages, classes that only their own package
 * uses are package-private; the few that another core package needs are public and say "Not API" in
 * their javadoc ({@code CompiledLexicon}, {@code EvidenceList}, {@code VocabularyJson}).
 *
 * <p>No export is qualified: of Redflag's other modules only indicator-nlp is a named module, and it
 * uses API packages only; the CLI, morph, link, fit, Spark and bench modules run on the class path,
 * where this file changes nothing (they may use {@code org.redflag.match}, as the bench does). On the
 * module path it keeps the internals out of reach and declares the services the engine loads.
 * PublicSurfaceTest checks the exports and the public types.
 */
module org.redflag.core {
  requires transitive com.fasterxml.jackson.databind; // JsonNode in AdvertJson's and the pack loader's signatures
  requires com.google.common;
  requires com.ibm.icu;
  requires datasketches.java; // no module name of its own: the name is the jar's (datasketches-java-6.1.1)
  requires org.apache.datasketches.memory;
  requires java.json.canonicalization; // RFC 8785 for inputDigest; no module name of its own: the jar's name

  exports org.redflag.advert;
  exports org.redflag.engine;
  exports org.redflag.identifier;
  exports org.redflag.indicator;
  exports org.redflag.io;
  exports org.redflag.pack;
  exports org.redflag.price;
  exports org.redflag.risk;
  exports org.redflag.text; // AnalyzedText (what indicators read), TextPipeline, LanguageDetector

  // the shipped packs and the default prior, read by PackLoader and LogisticRiskModel from the class path
  opens org.redflag.packs;

  uses org.redflag.indicator.Indicator;
  uses org.redflag.pack.Inflector; // optional inflection of ~word in pack patterns (indicator-morph)

  provides org.redflag.indicator.Indicator with
      org.redflag.price.PriceAnomalyIndicator,
      org.redflag.indicator.builtin.DeceptiveRecruitmentIndicator,
      org.redflag.indicator.builtin.ObscuredPhoneIndicator;
}
