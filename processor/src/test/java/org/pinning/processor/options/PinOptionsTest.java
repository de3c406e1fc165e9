package org.pinning.processor.options;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The options of DESIGN.md §7: parsing, validation and how they reach the checker. */
class PinOptionsTest {

  private static final JavaFileObject CLONEABLE_TASK =
      source(
          "demo.Task",
          """
          package demo;
          @org.pinning.Pinned
          public final class Task
              implements Cloneable {}
          """);

  private static final JavaFileObject PLAIN =
      source("demo.Plain", "package demo; public final class Plain {}");

  // parse

  @Test
  void noOptionsMeanErrorsGenerationNoStatsAndNoExtraBorrowing() {
    PinOptions options = PinOptions.parse(Map.of());
    assertFalse(options.errorsAsWarnings());
    assertTrue(options.generate());
    assertFalse(options.stats());
    assertEquals(List.of(), options.borrowing());
    assertEquals(List.of(), options.problems());
  }

  @Test
  void defaultsAreTheOptionsOfAnEmptyMap() {
    PinOptions defaults = PinOptions.defaults();
    assertFalse(defaults.errorsAsWarnings());
    assertTrue(defaults.generate());
    assertFalse(defaults.stats());
    assertEquals(List.of(), defaults.problems());
  }

  @Test
  void severityWarningReportsErrorsAsWarnings() {
    PinOptions options = PinOptions.parse(Map.of("pin.severity", "warning"));
    assertTrue(options.errorsAsWarnings());
    assertEquals(List.of(), options.problems());
  }

  @Test
  void severityErrorIsTheDefaultSpelledOut() {
    PinOptions options = PinOptions.parse(Map.of("pin.severity", "error"));
    assertFalse(options.errorsAsWarnings());
    assertEquals(List.of(), options.problems());
  }

  @Test
  void generateFalseTurnsProjectionsOff() {
    assertFalse(PinOptions.parse(Map.of("pin.generate", "false")).generate());
    assertTrue(PinOptions.parse(Map.of("pin.generate", "true")).generate());
  }

  @Test
  void statsTrueTurnsStatsOn() {
    assertTrue(PinOptions.parse(Map.of("pin.stats", "true")).stats());
    assertFalse(PinOptions.parse(Map.of("pin.stats", "false")).stats());
  }

  @Test
  void borrowingIsACommaSeparatedListOfMethods() {
    PinOptions options =
        PinOptions.parse(
            Map.of("pin.borrowing", "java.util.Objects#requireNonNull, com.acme.Log#*,"));
    assertEquals(
        List.of("java.util.Objects#requireNonNull", "com.acme.Log#*"), options.borrowing());
    assertEquals(List.of(), options.problems());
  }

  @Test
  void valuesAreKeptAsGiven() {
    PinOptions options = PinOptions.parse(Map.of("pin.severity", "warning", "pin.stats", "true"));
    assertEquals(Map.of("pin.severity", "warning", "pin.stats", "true"), options.values());
  }

  @Test
  void knownOptionsAreTheFourOfTheDesign() {
    assertEquals(
        Set.of("pin.severity", "pin.generate", "pin.borrowing", "pin.stats"), PinOptions.KNOWN);
  }

  // problems

  @Test
  void unknownPinOptionIsAProblemNamingTheKnownOptions() {
    PinOptions options = PinOptions.parse(Map.of("pin.foo", "1"));
    assertEquals(1, options.problems().size());
    String problem = options.problems().get(0);
    assertTrue(problem.contains("pin.foo"), problem);
    for (String known : PinOptions.KNOWN) {
      assertTrue(problem.contains(known), problem);
    }
  }

  @Test
  void unknownOptionDoesNotChangeTheKnownOnes() {
    PinOptions options = PinOptions.parse(Map.of("pin.foo", "1", "pin.severity", "warning"));
    assertTrue(options.errorsAsWarnings());
    assertEquals(1, options.problems().size());
  }

  @Test
  void optionsOutsideThePinPrefixAreNotProblems() {
    assertEquals(List.of(), PinOptions.parse(Map.of("dagger.fastInit", "enabled")).problems());
  }

  @Test
  void badSeverityIsAProblemAndKeepsTheDefault() {
    PinOptions options = PinOptions.parse(Map.of("pin.severity", "loud"));
    assertFalse(options.errorsAsWarnings());
    assertEquals(1, options.problems().size());
    String problem = options.problems().get(0);
    assertTrue(problem.contains("pin.severity"), problem);
    assertTrue(problem.contains("loud"), problem);
    assertTrue(problem.contains("warning"), problem);
  }

  @Test
  void badGenerateAndStatsValuesAreProblems() {
    PinOptions options = PinOptions.parse(Map.of("pin.generate", "no", "pin.stats", "yes"));
    assertTrue(options.generate());
    assertFalse(options.stats());
    assertEquals(2, options.problems().size());
  }

  // fromPluginArguments

  @Test
  void pluginArgumentsGetThePinPrefix() {
    assertEquals(
        Map.of("pin.severity", "warning", "pin.stats", "true"),
        PinOptions.fromPluginArguments("severity=warning", "stats=true"));
  }

  @Test
  void pluginArgumentsMayAlreadyCarryThePrefix() {
    assertEquals(
        Map.of("pin.severity", "warning"), PinOptions.fromPluginArguments("pin.severity=warning"));
  }

  @Test
  void pluginBorrowingArgumentKeepsItsCommas() {
    Map<String, String> arguments =
        PinOptions.fromPluginArguments("borrowing=java.util.Objects#requireNonNull,com.acme.Log#*");
    assertEquals(
        List.of("java.util.Objects#requireNonNull", "com.acme.Log#*"),
        PinOptions.parse(arguments).borrowing());
  }

  @Test
  void noPluginArgumentsGiveNoOptions() {
    assertEquals(Map.of(), PinOptions.fromPluginArguments());
  }

  @Test
  void unknownPluginArgumentIsAProblemUnderItsPrefixedName() {
    List<String> problems = PinOptions.parse(PinOptions.fromPluginArguments("foo=1")).problems();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("pin.foo"), problems.get(0));
  }

  // merge

  @Test
  void pluginArgumentsWinOverProcessorOptions() {
    PinOptions options =
        PinOptions.merge(
            Map.of("pin.severity", "warning"),
            PinOptions.fromPluginArguments("severity=error"));
    assertFalse(options.errorsAsWarnings());
  }

  @Test
  void mergeKeepsProcessorOptionsThePluginDoesNotName() {
    PinOptions options =
        PinOptions.merge(
            Map.of("pin.severity", "warning", "pin.stats", "true"),
            PinOptions.fromPluginArguments("generate=false"));
    assertTrue(options.errorsAsWarnings());
    assertTrue(options.stats());
    assertFalse(options.generate());
  }

  @Test
  void mergeWithNothingFromThePluginIsTheProcessorOptions() {
    assertTrue(PinOptions.merge(Map.of("pin.severity", "warning"), Map.of()).errorsAsWarnings());
  }

  // pinEntries

  @Test
  void pinEntriesKeepOnlyPinOptionsAndReadAFlagAsTrue() {
    Map<String, String> processorOptions = new HashMap<>();
    processorOptions.put("pin.stats", null);
    processorOptions.put("pin.severity", "warning");
    processorOptions.put("other.option", "x");
    assertEquals(
        Map.of("pin.stats", "true", "pin.severity", "warning"),
        PinOptions.pinEntries(processorOptions));
  }

  @Test
  void borrowingGivenWithoutAValueIsNoEntries() {
    // javac hands over -Apin.borrowing= and -Apin.borrowing alike, without a value.
    Map<String, String> processorOptions = new HashMap<>();
    processorOptions.put("pin.borrowing", null);
    PinOptions options = PinOptions.parse(PinOptions.pinEntries(processorOptions));
    assertEquals(List.of(), options.borrowing());
    assertEquals(
        List.of(
            "option 'pin.borrowing' was given no entries; it takes Type#method entries (Type#* for"
                + " every method), as 'pin.borrowing=com.acme.Log#debug'"),
        options.problems());
    assertEquals(
        options.problems(),
        PinOptions.parse(PinOptions.fromPluginArguments("borrowing=")).problems());
    assertEquals(
        options.problems(),
        PinOptions.parse(PinOptions.fromPluginArguments("borrowing")).problems());
  }

  // through javac

  @Test
  void emptyBorrowingOptionIsWarnedAsEmpty() {
    List<List<String>> spellings =
        List.of(List.of("-Apin.borrowing="), List.of("-proc:none", "-Xplugin:Pinning borrowing="));
    for (List<String> given : spellings) {
      Compilation compilation = compile(given, PLAIN);
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningCount(1);
      assertThat(compilation).hadWarningContaining("'pin.borrowing' was given no entries");
    }
  }

  @Test
  void unknownOptionIsWarnedNamingTheKnownOptions() {
    Compilation compilation = compile(List.of("-Apin.foo=1"), PLAIN);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("pin.foo");
    assertTrue(
        compilation.warnings().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .anyMatch(
                m ->
                    m.contains("pin.foo")
                        && PinOptions.KNOWN.stream().allMatch(m::contains)),
        () -> "no warning names pin.foo and every known option: " + compilation.warnings());
  }

  @Test
  void badOptionValueIsWarned() {
    Compilation compilation = compile(List.of("-Apin.severity=loud"), PLAIN);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("loud");
  }

  @Test
  void knownOptionsAreRecognisedByJavac() {
    Compilation compilation =
        compile(
            List.of("-Apin.severity=warning", "-Apin.generate=true", "-Apin.borrowing=a.B#c"),
            PLAIN);
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(
        compilation.diagnostics().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .anyMatch(m -> m.contains("not recognized by any processor")),
        () -> "javac did not recognise the options: " + compilation.diagnostics());
  }

  @Test
  void severityWarningTurnsAnErrorIntoAWarning() {
    Compilation compilation = compile(List.of("-Apin.severity=warning"), CLONEABLE_TASK);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(CLONEABLE_TASK)
        .onLineContaining("implements Cloneable");
  }

  @Test
  void severityWarningDoesNotSilenceWarningsOrAddErrors() {
    Compilation compilation =
        compile(
            List.of("-Apin.severity=warning"),
            source(
                "demo.Job",
                """
                package demo;
                public final class Job {
                  @org.pinning.Pinned final String name = "job";
                }
                """));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[pin:useless]");
  }

  @Test
  void optionWarningIsAWarningNotAnError() {
    Compilation compilation = compile(List.of("-Apin.foo=1"), PLAIN);
    assertTrue(
        compilation.diagnostics().stream()
            .filter(d -> d.getMessage(Locale.ROOT).contains("pin.foo"))
            .allMatch(d -> d.getKind() == Diagnostic.Kind.WARNING),
        () -> compilation.diagnostics().toString());
  }
}
