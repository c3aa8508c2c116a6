package org.redflag.modular;

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
import org.redflag.engine.RiskEngine;

/**
 * indicator-core as a named module (module-info.java): the tests run on the class path, so this one
 * starts a JVM with {@code target/classes} on the module path and code in the unnamed module, as a
 * modular embedder would. It checks that the services, the shipped packs and the default prior are
 * found, and that the built-in indicators' package is not exported.
 */
class ModulePathTest {
  /** Runs in the child JVM. */
  public static final class Main {
    public static void main(String[] args) {
      System.out.println("named=" + RiskEngine.class.getModule().isNamed());
      RiskEngine engine = RiskEngine.withDefaults();
      Assessment a = engine.assess(Advert.builder("m", "Text my manager, available 24/7.").category("escort").language("en").build());
      System.out.println("indicators=" + engine.indicators().size() + " fired=" + a.fired().size() + " model=" + a.model());
      try {
        Class.forName("org.redflag.indicator.builtin.ObscuredPhoneIndicator").getConstructor().newInstance();
        System.out.println("builtin=reachable");
      } catch (IllegalAccessException e) {
        System.out.println("builtin=encapsulated");
      } catch (ReflectiveOperationException e) {
        System.out.println("builtin=" + e.getClass().getSimpleName());
      }
    }
  }

  @Test
  void theCoreWorksAsANamedModuleAndHidesItsBuiltInIndicators() throws Exception {
    List<String> modulePath = new ArrayList<>();
    modulePath.add(Path.of("target", "classes").toAbsolutePath().toString());
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.matches("(guava|failureaccess|jackson-(core|databind|annotations)|icu4j|datasketches-(java|memory)|java-json-canonicalization)-.*\\.jar")) modulePath.add(entry);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, modulePath),
        "--add-modules", "org.redflag.core", "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
        Main.class.getName()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    // the same advert on the class path, in this JVM
    RiskEngine here = RiskEngine.withDefaults();
    int fired = here.assess(Advert.builder("m", "Text my manager, available 24/7.").category("escort").language("en").build()).fired().size();
    assertThat(out).contains("named=true", "indicators=" + here.indicators().size() + " fired=" + fired + " model=default-prior@1.1.0",
        "builtin=encapsulated");
    assertThat(fired).isEqualTo(2);
  }
}
