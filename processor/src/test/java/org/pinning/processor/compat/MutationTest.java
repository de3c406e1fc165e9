package org.pinning.processor.compat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pinning.processor.PinCompiler;

/**
 * Small random edits of real pinned programs never make the checks fail inside (DESIGN.md §8):
 * whatever javac makes of a mutant — clean, pin errors, or its own errors — no exception escapes
 * the compilation and no {@code [pin:internal]} is reported.
 *
 * <p>The programs are the valid samples ({@code samples/src/main/java}, a mutated file compiled
 * with the unchanged files of its package, so that most mutants still resolve and reach the body
 * rules), the rejected examples ({@code samples/src/rejected/java}, each alone), and two files
 * under {@code src/test/resources/mutation} that add what the samples do not show: pinned
 * containers in lambdas, method references, iterators and streams, patterns, switch expressions,
 * try-with-resources, suppression, {@code @Unpin} type parameters, and generic and nested types to
 * project. Each mutant is one edit (more with {@code pinning.mutationEdits}): delete a token or a
 * line, duplicate a line, swap two adjacent lines, insert a stray {@code @Pinned} or
 * {@code @Unpin}, delete a pin annotation, or replace an identifier by another of the same file.
 *
 * <p>Mutants come from a fixed seed, so a failure names how to get it back: the seed, the mutant's
 * index and the edit. To run more mutants, another seed, several edits per mutant, or one mutant
 * alone:
 *
 * <pre>
 * mvn -B -pl processor -am test -Dtest=MutationTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpinning.mutationSeed=1 -Dpinning.mutants=3000 [-Dpinning.mutationEdits=3] \
 *     [-Dpinning.mutant=INDEX]
 * </pre>
 */
class MutationTest {
  private static final long SEED = Long.getLong("pinning.mutationSeed", 20_240_617L);
  private static final int COUNT = Integer.getInteger("pinning.mutants", 300);
  private static final int ONLY = Integer.getInteger("pinning.mutant", -1);
  private static final int EDITS = Integer.getInteger("pinning.mutationEdits", 1);

  /** Relative to the processor module, surefire's working directory. */
  private static final Path SAMPLES = Path.of("../samples/src/main/java");

  private static final Path REJECTED = Path.of("../samples/src/rejected/java");
  private static final Path EXTRA = Path.of("src/test/resources/mutation");

  /** Code tokens: string and char literals, words, numbers, then any other single character. */
  private static final Pattern TOKEN =
      Pattern.compile(
          "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'"
              + "|[A-Za-z_$][A-Za-z0-9_$]*|\\d[\\w.]*|\\S",
          Pattern.DOTALL);

  private static final Pattern PIN_ANNOTATION =
      Pattern.compile("@(?:org\\.pinning\\.)?(Pinned|Unpin)\\b");

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield");

  @TestFactory
  Stream<DynamicTest> mutantsNeitherThrowNorFailInternally() {
    List<Program> programs = programs();
    Random master = new Random(SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (int index = 0; index < COUNT; index++) {
      // One seed per mutant, drawn in order: any mutant is rebuilt from SEED and its index.
      long mutantSeed = master.nextLong();
      if (ONLY >= 0 && index != ONLY) {
        continue;
      }
      Mutant mutant = Mutant.of(index, new Random(mutantSeed), programs);
      tests.add(DynamicTest.dynamicTest(mutant.toString(), () -> check(mutant)));
    }
    return tests.stream();
  }

  private static void check(Mutant mutant) {
    Compilation compilation;
    try {
      compilation = PinCompiler.compile(mutant.files().toArray(new JavaFileObject[0]));
    } catch (Throwable escaped) { // compile-testing rethrows what the processor throws
      // javac has bugs of its own on some broken inputs, set off by annotation processing
      // whichever the processor: those are not the checker's to fix, so the mutant is skipped.
      assumeFalse(
          StressTest.JavacAlone.compileWithIdleProcessor(mutant.files()).crashed(),
          () -> "javac crashes on it with a processor that does nothing, too: " + mutant);
      fail(mutant.report("an exception escaped the compilation:\n" + stackTrace(escaped)));
      return;
    }
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertFalse(
          message.contains("[pin:internal]"),
          () -> mutant.report("line " + d.getLineNumber() + ": " + message));
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** One source file to mutate, and the unchanged files compiled with it. */
  private record Program(String name, String text, List<JavaFileObject> siblings) {}

  /** Every program, in a fixed order: the same seed gives the same mutants on every machine. */
  private static List<Program> programs() {
    List<Program> programs = new ArrayList<>();
    for (Path file : javaFiles(SAMPLES)) {
      List<JavaFileObject> siblings = new ArrayList<>();
      for (Path other : javaFiles(file.getParent())) {
        if (!other.equals(file)) {
          siblings.add(JavaFileObjects.forSourceString(qualifiedName(SAMPLES, other), read(other)));
        }
      }
      programs.add(new Program(qualifiedName(SAMPLES, file), read(file), siblings));
    }
    for (Path root : List.of(REJECTED, EXTRA)) {
      for (Path file : javaFiles(root)) {
        programs.add(new Program(qualifiedName(root, file), read(file), List.of()));
      }
    }
    if (programs.isEmpty()) {
      throw new IllegalStateException("no programs under " + SAMPLES.toAbsolutePath());
    }
    return programs;
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String qualifiedName(Path root, Path file) {
    String relative = root.relativize(file).toString().replace('\\', '/');
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A program with its edits (each one's line numbers are those of the text before it). */
  private record Mutant(int index, Program program, String text, String edit) {
    static Mutant of(int index, Random random, List<Program> programs) {
      Program program = programs.get(random.nextInt(programs.size()));
      String text = program.text();
      List<String> edits = new ArrayList<>();
      for (int i = 0; i < EDITS; i++) {
        Edit edit = new Edit(text);
        while (!edit.apply(Operation.values()[random.nextInt(Operation.values().length)], random)) {
          // the operation had nothing to work on in this file; draw another
        }
        text = edit.result;
        edits.add(edit.description);
      }
      return new Mutant(index, program, text, String.join("; then ", edits));
    }

    List<JavaFileObject> files() {
      List<JavaFileObject> files = new ArrayList<>();
      files.add(JavaFileObjects.forSourceString(program.name(), text));
      files.addAll(program.siblings());
      return files;
    }

    String report(String problem) {
      return "mutant "
          + index
          + " of seed "
          + SEED
          + " ("
          + this
          + "):\n"
          + problem
          + "\nreproduce: mvn -B -pl processor -am test -Dtest=MutationTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpinning.mutationSeed="
          + SEED
          + " -Dpinning.mutants="
          + COUNT
          + " -Dpinning.mutationEdits="
          + EDITS
          + " -Dpinning.mutant="
          + index;
    }

    @Override
    public String toString() {
      return "#" + index + " " + program.name() + ": " + edit;
    }
  }

  /** The edits a mutant may carry. */
  private enum Operation {
    DELETE_TOKEN,
    DELETE_LINE,
    DUPLICATE_LINE,
    SWAP_LINES,
    INSERT_PINNED,
    INSERT_UNPIN,
    DELETE_PIN_ANNOTATION,
    REPLACE_IDENTIFIER
  }

  /** One edit of a source text, described as the lines before and after it. */
  private static final class Edit {
    private final String original;
    private final List<int[]> tokens = new ArrayList<>();
    String result;
    String description;

    Edit(String original) {
      this.original = original;
      Matcher m = TOKEN.matcher(original);
      while (m.find()) {
        if (!m.group().startsWith("//") && !m.group().startsWith("/*")) {
          tokens.add(new int[] {m.start(), m.end()});
        }
      }
    }

    /** Applies {@code operation} at a random place; false if the file offers it no place. */
    boolean apply(Operation operation, Random random) {
      return switch (operation) {
        case DELETE_TOKEN -> deleteToken(random);
        case DELETE_LINE -> deleteLine(random);
        case DUPLICATE_LINE -> duplicateLine(random);
        case SWAP_LINES -> swapLines(random);
        case INSERT_PINNED -> insertAnnotation("Pinned", random);
        case INSERT_UNPIN -> insertAnnotation("Unpin", random);
        case DELETE_PIN_ANNOTATION -> deletePinAnnotation(random);
        case REPLACE_IDENTIFIER -> replaceIdentifier(random);
      };
    }

    private boolean deleteToken(Random random) {
      int[] token = tokens.get(random.nextInt(tokens.size()));
      splice(token[0], token[1], "", "delete token '" + text(token) + "'");
      return true;
    }

    /** Before an identifier (where an annotation may be valid) or, half the time, any token. */
    private boolean insertAnnotation(String name, Random random) {
      List<int[]> sites = random.nextBoolean() ? identifiers() : tokens;
      int[] token = sites.get(random.nextInt(sites.size()));
      String annotation =
          original.contains("import org.pinning." + name + ";")
              ? "@" + name + " "
              : "@org.pinning." + name + " ";
      splice(token[0], token[0], annotation, "insert '" + annotation.trim() + "'");
      return true;
    }

    private boolean deletePinAnnotation(Random random) {
      List<int[]> found = new ArrayList<>();
      Matcher m = PIN_ANNOTATION.matcher(original);
      while (m.find()) {
        if (!original.startsWith("import", original.lastIndexOf('\n', m.start()) + 1)) {
          found.add(new int[] {m.start(), m.end()});
        }
      }
      if (found.isEmpty()) {
        return false;
      }
      int[] annotation = found.get(random.nextInt(found.size()));
      splice(annotation[0], annotation[1], "", "delete '" + text(annotation) + "'");
      return true;
    }

    private boolean replaceIdentifier(Random random) {
      List<int[]> identifiers = identifiers();
      int[] target = identifiers.get(random.nextInt(identifiers.size()));
      List<String> others =
          identifiers.stream()
              .map(this::text)
              .filter(name -> !name.equals(text(target)))
              .distinct()
              .sorted()
              .collect(Collectors.toList());
      if (others.isEmpty()) {
        return false;
      }
      String replacement = others.get(random.nextInt(others.size()));
      splice(
          target[0],
          target[1],
          replacement,
          "replace '" + text(target) + "' by '" + replacement + "'");
      return true;
    }

    private boolean deleteLine(Random random) {
      List<String> lines = lines();
      int at = codeLine(lines, random);
      String removed = lines.remove(at);
      join(lines);
      description = "delete line " + (at + 1) + ": -[" + removed.strip() + "]";
      return true;
    }

    private boolean duplicateLine(Random random) {
      List<String> lines = lines();
      int at = codeLine(lines, random);
      lines.add(at, lines.get(at));
      join(lines);
      description = "duplicate line " + (at + 1) + ": +[" + lines.get(at).strip() + "]";
      return true;
    }

    private boolean swapLines(Random random) {
      List<String> lines = lines();
      int at = codeLine(lines, random);
      if (at + 1 >= lines.size()) {
        return false;
      }
      String first = lines.get(at);
      lines.set(at, lines.get(at + 1));
      lines.set(at + 1, first);
      join(lines);
      description =
          "swap lines "
              + (at + 1)
              + " and "
              + (at + 2)
              + ": ["
              + first.strip()
              + "] <-> ["
              + lines.get(at).strip()
              + "]";
      return true;
    }

    private List<int[]> identifiers() {
      List<int[]> identifiers = new ArrayList<>();
      for (int[] token : tokens) {
        String text = text(token);
        if (Character.isJavaIdentifierStart(text.charAt(0)) && !KEYWORDS.contains(text)) {
          identifiers.add(token);
        }
      }
      return identifiers;
    }

    /** A random line that is not blank and not a comment line. */
    private static int codeLine(List<String> lines, Random random) {
      while (true) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at).strip();
        if (!line.isEmpty() && !line.startsWith("*") && !line.startsWith("/")) {
          return at;
        }
      }
    }

    private List<String> lines() {
      return new ArrayList<>(List.of(original.split("\n", -1)));
    }

    private void join(List<String> lines) {
      result = String.join("\n", lines);
    }

    private String text(int[] token) {
      return original.substring(token[0], token[1]);
    }

    /** Replaces {@code [start, end)} and describes the edit with its line, before and after. */
    private void splice(int start, int end, String replacement, String what) {
      result = original.substring(0, start) + replacement + original.substring(end);
      int lineStart = original.lastIndexOf('\n', start - 1) + 1;
      int lineEnd = original.indexOf('\n', end);
      lineEnd = lineEnd < 0 ? original.length() : lineEnd;
      int line = (int) original.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
      String before = original.substring(lineStart, lineEnd);
      String after = result.substring(lineStart, lineEnd + replacement.length() - (end - start));
      description =
          what + " on line " + line + ": [" + before.strip() + "] -> [" + after.strip() + "]";
    }
  }
}
