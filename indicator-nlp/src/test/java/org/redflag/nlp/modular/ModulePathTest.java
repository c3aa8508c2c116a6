package org.redflag.nlp.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.nlp.RedflagNlp;

/**
 * indicator-nlp as a named module (module-info.java): the tests run on the class path, so this one
 * starts a JVM with this module, the core and their libraries on the module path, the OpenNLP model
 * jars and this test on the class path, as a modular embedder would. It checks that the models load,
 * that the NLP indicator fires as on the class path, and that the module's internals stay out of reach.
 */
class ModulePathTest {
  static final String TEXT = "She is new in town and very sweet. Call to book her now! She is waiting for you.";

  /** Runs in the child JVM. */
  public static final class Main {
    public static void main(String[] args) {
      System.out.println("named=" + RedflagNlp.class.getModule().getName());
      RiskEngine engine = RiskEngine.builder().nlp(RedflagNlp.component()).build();
      Assessment a = engine.assess(Advert.builder("m", TEXT).category("escort").build());
      System.out.println("language=" + engine.analyse(Advert.builder("m", TEXT).build()).language().orElse("none")
          + " third-person=" + strength(a));
      try {
        Class.forName("org.redflag.nlp.NlpModels").getDeclaredMethod("languageModel").invoke(null);
        System.out.println("internals=reachable");
      } catch (IllegalAccessException e) {
        System.out.println("internals=encapsulated");
      } catch (ReflectiveOperationException e) {
        System.out.println("internals=" + e.getClass().getSimpleName());
      }
    }
  }

  static String strength(Assessment a) {
    return a.indicators().stream().filter(r -> r.id().equals("nlp.third-person")).map(IndicatorResult::strength)
        .findFirst().map(String::valueOf).orElse("absent");
  }

  @Test
  void theNlpComponentWorksAsANamedModule() throws Exception {
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    modulePath.add(Path.of("target", "classes").toAbsolutePath().toString());
    classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : testClassPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      boolean coreClasses = name.equals("classes") && path.getParent() != null && path.getParent().getParent() != null
          && path.getParent().getParent().getFileName().toString().equals("indicator-core");
      if (coreClasses || name.matches("indicator-core-[^t]*\\.jar")
          || name.matches("(guava|failureaccess|jackson-(core|databind|annotations)|icu4j|datasketches-(java|memory)|java-json-canonicalization"
              + "|opennlp-tools|slf4j-api)-.*\\.jar")) {
        modulePath.add(entry);
      } else if (name.startsWith("opennlp-models-")) {
        classPath.add(entry);
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, modulePath),
        "--add-modules", "org.redflag.nlp,org.slf4j", "-cp", String.join(File.pathSeparator, classPath),
        Main.class.getName()).redirectErrorStream(true).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    // the same advert on the class path, in this JVM
    RiskEngine here = RiskEngine.builder().nlp(RedflagNlp.component()).build();
    String strength = strength(here.assess(Advert.builder("m", TEXT).category("escort").build()));
    assertThat(Double.parseDouble(strength)).isPositive();
    assertThat(out).as(out).contains("named=org.redflag.nlp", "language=en third-person=" + strength, "internals=encapsulated");
  }
}
