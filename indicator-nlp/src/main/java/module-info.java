/**
 * Redflag's OpenNLP component: {@code org.redflag.nlp} is its API ({@link org.redflag.nlp.RedflagNlp},
 * the features, the stage, the language detector and {@code nlp.third-person}); the word lists, the
 * model loading and the language-sample clean-up are package-private classes of that package.
 *
 * <p>The OpenNLP model jars ({@code org.apache.opennlp:opennlp-models-*}) hold their models at the jar's
 * root, outside any package, and declare no module name: put them on the class path, or on the module
 * path with {@code --add-modules} naming them. The models are read through the class loader, which
 * finds a root-level resource in either place. OpenNLP's jar is an automatic module that declares no
 * dependencies: add its logging API too ({@code --add-modules org.redflag.nlp,org.slf4j}, or
 * {@code ALL-MODULE-PATH}).
 */
module org.redflag.nlp {
  requires transitive org.redflag.core; // NlpComponent, Indicator, AnalysisStage in the API's signatures
  requires org.apache.opennlp.tools;
  requires com.google.common; // ImmutableList in NlpFeatures
  requires com.ibm.icu; // emoji properties in the tokenizer

  exports org.redflag.nlp;
}
