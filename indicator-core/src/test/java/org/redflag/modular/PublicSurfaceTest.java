package org.redflag.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's public surface, read from the compiled classes: which packages module-info exports,
 * which top-level types are public, and that no public or protected member of an exported API type
 * names a Redflag type that a client cannot reach (package-private, in a package that is not
 * exported, or one of the public types that are not API). A type that becomes public, or an API
 * method that hands out an internal, fails here; widening the surface is then a decision made in
 * this file, with docs/architecture.md.
 */
class PublicSurfaceTest {
  static final Path CLASSES = Path.of("target", "classes");

  /** The packages embedders and indicator authors use (docs/architecture.md, "API and internals"). */
  static final Set<String> EXPORTED = Set.of("org.redflag.advert", "org.redflag.engine", "org.redflag.identifier",
      "org.redflag.indicator", "org.redflag.io", "org.redflag.pack", "org.redflag.price", "org.redflag.risk",
      "org.redflag.text");

  /**
   * Every public top-level type, by package. Types in exported packages are API unless their
   * javadoc says they are public only for another Redflag package; match and indicator.builtin are
   * not exported.
   */
  static final String PUBLIC_TYPES = """
      org.redflag.advert: Advert Price
      org.redflag.engine: Assessment IndicatorResult NlpComponent RiskEngine
      org.redflag.identifier: Identifier IdentifierExtractor IdentifierMention IdentifierType PhoneNumberScanner
      org.redflag.indicator: AdvertAnalysis AnalysisKey AnalysisStage Evidence EvidenceList FeatureSource IdentifierHasher Indicator IndicatorOutcome LexiconIndicator NoisyOr
      org.redflag.indicator.builtin: DeceptiveRecruitmentIndicator ObscuredPhoneIndicator
      org.redflag.io: AdvertFormatException AdvertJson AdvertLine AssessmentJson FormatVersion JsonFileException JsonLinesReader OrderedParallel VocabularyJson
      org.redflag.match: Boundary LexiconPattern MatchAutomaton MatchSink PatternSyntaxException
      org.redflag.pack: CompiledLexicon IndicatorDeclaration IndicatorPack Inflector LexiconMatch LexiconMatches PackContext PackEntry PackLoadException PackLoader PackRef PackSet
      org.redflag.price: BaselineFormatException HourlyRate MarketBaseline MarketBaselines PriceAnomalyIndicator PriceExtractor PriceMention PriceMentions PriceStages
      org.redflag.risk: ActivationMode Activations Band Calibration LogisticRiskModel ModelFormatException RiskModel RiskScore SortedDoubleMap TrainingSummary
      org.redflag.text: AnalyzedText CharClass Emoji LanguageDetector OffsetUnit TextPipeline
      """;

  /**
   * Public types that are not API: CompiledLexicon and EvidenceList are public only for the engine
   * (their javadoc says "Not API"), CharClass only for the pack compiler, VocabularyJson only for the
   * price and identifier vocabulary files, and Emoji is used only in its own package. No API member may name them: the leak rule treats them as unreachable.
   */
  static final Set<String> NOT_API = Set.of("org.redflag.pack.CompiledLexicon", "org.redflag.indicator.EvidenceList",
      "org.redflag.text.CharClass", "org.redflag.text.Emoji", "org.redflag.io.VocabularyJson");

  @Test
  void moduleInfoExportsOnlyTheApiPackagesToEveryone() throws IOException {
    ModuleDescriptor d;
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }
    assertThat(d.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
    assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(EXPORTED);
  }

  @Test
  void thePublicTopLevelTypesAreExactlyTheListedOnes() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (String line : PUBLIC_TYPES.strip().split("\n")) {
      String[] kv = line.split(":");
      for (String t : kv[1].trim().split(" ")) expected.add(kv[0].trim() + "." + t);
    }
    Set<String> actual = new TreeSet<>();
    for (Class<?> c : topLevelClasses()) {
      if (Modifier.isPublic(c.getModifiers())) actual.add(c.getName());
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void noExportedMemberNamesAnUnreachableType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : topLevelClasses()) {
      if (EXPORTED.contains(c.getPackageName()) && Modifier.isPublic(c.getModifiers()) && !NOT_API.contains(c.getName())) {
        collectLeaks(c, leaks);
      }
    }
    assertThat(leaks).isEmpty();
  }

  /** The rule checks itself on a known leak: a public type's member that returns a package-private type. */
  @Test
  void theLeakRuleSeesAPackagePrivateReturnType() {
    List<String> leaks = new ArrayList<>();
    collectLeaks(Leaky.class, leaks);
    assertThat(leaks).containsExactly(Leaky.class.getName() + ".hidden -> " + Hidden.class.getName());
  }

  static class Hidden {}

  /** Public, with one public method returning a package-private type (EXPORTED is consulted by package). */
  public static final class Leaky {
    public Hidden hidden() { return null; }
    public List<String> fine() { return List.of(); }
    Hidden packagePrivateIsFine() { return null; }
  }

  private static void collectLeaks(Class<?> c, List<String> leaks) {
    List<Member> members = new ArrayList<>();
    members.addAll(List.of(c.getDeclaredConstructors()));
    members.addAll(List.of(c.getDeclaredMethods()));
    members.addAll(List.of(c.getDeclaredFields()));
    for (Member m : members) {
      if (m.isSynthetic() || !(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) continue;
      List<Type> types = new ArrayList<>();
      if (m instanceof Executable e) {
        types.addAll(List.of(e.getGenericParameterTypes()));
        types.addAll(List.of(e.getGenericExceptionTypes()));
        if (e instanceof Method method) types.add(method.getGenericReturnType());
      } else {
        types.add(((Field) m).getGenericType());
      }
      String name = m instanceof Constructor<?> ? "<init>" : m.getName();
      check(c, name, types, leaks);
    }
    List<Type> supers = new ArrayList<>(List.of(c.getGenericInterfaces()));
    if (c.getGenericSuperclass() != null) supers.add(c.getGenericSuperclass());
    check(c, "<extends>", supers, leaks);
    for (Class<?> nested : c.getDeclaredClasses()) {
      if (Modifier.isPublic(nested.getModifiers()) || Modifier.isProtected(nested.getModifiers())) collectLeaks(nested, leaks);
    }
  }

  private static void check(Class<?> c, String name, List<Type> types, List<String> leaks) {
    for (Type t : types) {
      for (Class<?> used : classesIn(t, new ArrayList<>(), new HashSet<>())) {
        if (!reachable(used)) leaks.add(c.getName() + "." + name + " -> " + used.getName());
      }
    }
  }

  /** A Redflag type a client can name: public all the way out, in an exported package, and API. */
  private static boolean reachable(Class<?> used) {
    if (!used.getName().startsWith("org.redflag.")) return true;
    for (Class<?> k = used; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) return false;
    }
    return EXPORTED.contains(used.getPackageName()) && !NOT_API.contains(used.getName());
  }

  private static List<Class<?>> classesIn(Type t, List<Class<?>> out, Set<Type> seen) {
    if (t instanceof Class<?> k) {
      out.add(k.isArray() ? k.getComponentType() : k);
    } else if (t instanceof ParameterizedType p) {
      classesIn(p.getRawType(), out, seen);
      for (Type a : p.getActualTypeArguments()) classesIn(a, out, seen);
    } else if (t instanceof GenericArrayType a) {
      classesIn(a.getGenericComponentType(), out, seen);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) classesIn(b, out, seen);
      for (Type b : w.getLowerBounds()) classesIn(b, out, seen);
    } else if (t instanceof TypeVariable<?> v && !seen.contains(v)) {
      seen.add(v); // a bound may name the variable itself (T extends Comparable<T>)
      for (Type b : v.getBounds()) classesIn(b, out, seen);
    }
    return out;
  }

  private static List<Class<?>> topLevelClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES.resolve("org"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String rel = CLASSES.relativize(p).toString();
        if (rel.contains("$") || rel.endsWith("package-info.class")) continue;
        String name = rel.substring(0, rel.length() - ".class".length()).replace(p.getFileSystem().getSeparator(), ".");
        out.add(Class.forName(name, false, PublicSurfaceTest.class.getClassLoader()));
      }
    }
    return out;
  }
}
