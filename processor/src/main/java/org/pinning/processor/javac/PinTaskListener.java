package org.pinning.processor.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.projection.ProjectionEligibility;
import org.pinning.processor.report.FindingCollector;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * The plugin's listener: checks each top-level class when javac reports its {@code ANALYZE} event
 * finished (DESIGN.md §8), scanning only that class's tree and keeping none of it.
 */
public final class PinTaskListener implements TaskListener {
  private final JavacTask task;
  private final Trees trees;
  private final Map<String, String> pluginArguments;
  private final JavacSources sources;
  private CompilationChecks checks;

  /** Whether annotation processing ran (and so generated the projections), once checks start. */
  private boolean processorRan;

  private boolean notedMissingProjections;
  private boolean notedUnresolvedAnnotations;
  private int unitsChecked;
  private long nanosSpent;

  /** What the checks' time is measured with: see {@link CheckClock}. */
  private final CheckClock clock;

  /**
   * When the plugin started, before javac parsed anything: the checks' time over the time since is
   * their share of the compilation, measured on one clock in one process (DESIGN.md §9).
   */
  private final long startNanos;

  /** Only with {@code pin.stats}: a tree for the closing note, printed without a position. */
  private CompilationUnitTree lastUnit;

  public PinTaskListener(JavacTask task, Map<String, String> pluginArguments) {
    this.task = task;
    this.trees = Trees.instance(task);
    this.pluginArguments = pluginArguments;
    this.sources = new JavacSources(trees);
    this.clock =
        PinOptions.parse(pluginArguments).stats() ? CheckClock.threadCpu() : CheckClock.wall();
    this.startNanos = clock.nanos();
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.ENTER && event.getCompilationUnit() != null) {
      long start = clock.nanos(); // the checks' time too, though spent before they run
      try {
        sources.entered(event.getCompilationUnit());
      } catch (RuntimeException e) {
        // facts for one warning; the checks go on without them
      }
      nanosSpent += clock.nanos() - start;
    } else if (event.getKind() == TaskEvent.Kind.ANALYZE) {
      long start = clock.nanos();
      try {
        analyze(event);
      } catch (RuntimeException | LinkageError | StackOverflowError failure) {
        // Only the set-up can get here (a broken processor path, say): never throw out of javac.
        CompilationUnitTree unit = event.getCompilationUnit();
        trees.printMessage(
            Diagnostic.Kind.ERROR, Messages.checkerCouldNotStart(failure), unit, unit);
      }
      nanosSpent += clock.nanos() - start;
    } else if (event.getKind() == TaskEvent.Kind.COMPILATION && checks != null) {
      try {
        printStats();
      } catch (RuntimeException e) {
        // a closing note is not worth failing a compilation for
      }
      lastUnit = null;
    }
  }

  private void analyze(TaskEvent event) {
    TypeElement type = event.getTypeElement();
    CompilationUnitTree unit = event.getCompilationUnit();
    if (type == null || unit == null) {
      return;
    }
    if (ProjectionEligibility.isGeneratedProjection(type)) {
      return; // correct by construction: checking it would repeat the errors of its class
    }
    CompilationChecks current = checks(unit);
    if (current.options.stats()) {
      lastUnit = unit;
    }
    TreeReporter printer = new TreeReporter(trees, unit);
    FindingCollector findings = new FindingCollector(printer, current.options);
    try {
      TreePath path = pathOf(type, unit);
      if (path != null) {
        unitsChecked++;
        PinFreeMembers quickWalk = current.pinFreeMembers; // null: every member is scanned
        if (quickWalk == null || !quickWalk.isPinFreeClass(path)) {
          PinScanner scanner = new PinScanner(unit, current, current.rules(findings));
          try {
            scanner.scan(path, null);
          } finally {
            if (quickWalk != null) {
              quickWalk.forgetClass();
            }
          }
          if (scanner.sawErrors()) {
            findings.javacReportedErrors();
          }
        }
        noteMissingProjections(current, type, unit);
        noteUnresolvedAnnotations(current, unit);
      }
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      reportInternal(findings, unit, type, failure, current.options);
    }
    findings.flush(printer);
  }

  /**
   * The path to the top-level class {@code type} of {@code unit}. {@code Trees.getPath} finds it by
   * scanning the whole unit up to it: more work than checking a small class.
   */
  private TreePath pathOf(TypeElement type, CompilationUnitTree unit) {
    TreePath unitPath = new TreePath(unit);
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree tree
          && tree.getSimpleName().equals(type.getSimpleName())) {
        TreePath path = new TreePath(unitPath, tree);
        if (trees.getElement(path) == type) {
          return path;
        }
      }
    }
    return trees.getPath(type); // not a top-level class of this unit: javac's own search
  }

  private CompilationChecks checks(CompilationUnitTree unit) {
    if (checks == null) {
      Map<String, String> fromProcessor = OptionsHandoff.processorOptions(task);
      PinOptions options =
          PinOptions.merge(fromProcessor == null ? Map.of() : fromProcessor, pluginArguments);
      for (String problem : PinOptions.parse(pluginArguments).problems()) {
        printWithoutPosition(Diagnostic.Kind.WARNING, Messages.optionProblem(problem), unit);
      }
      processorRan = fromProcessor != null;
      checks = new CompilationChecks(task, trees, sources, options);
    }
    return checks;
  }

  /** From JDK 23 on javac runs no processor it was not asked to run, while plugins still start. */
  private void noteMissingProjections(
      CompilationChecks current, TypeElement type, CompilationUnitTree unit) {
    if (processorRan
        || notedMissingProjections
        || !ProjectionEligibility.isProjected(type, current.model.annotations())
        || ImplicitClasses.isInsideImplicitClass(type, trees)) {
      return;
    }
    notedMissingProjections = true;
    trees.printMessage(Diagnostic.Kind.NOTE, Messages.projectionsNotGenerated(), unit, unit);
  }

  /**
   * A library compiled with pins, read without {@code pinning-annotations} on the class path (its
   * dependency was {@code provided} or {@code optional}): javac drops the annotations of its class
   * files silently, and every pin of the library with them. Said once, and only when the checks met
   * such an annotation: a build that uses no pinning at all hears nothing. An annotation that does
   * not resolve in a source file is javac's own error already.
   */
  private void noteUnresolvedAnnotations(CompilationChecks current, CompilationUnitTree unit) {
    AnnotatedConstruct construct = current.model.annotations().unresolvedOn();
    if (notedUnresolvedAnnotations || construct == null) {
      return;
    }
    notedUnresolvedAnnotations = true;
    if (construct instanceof Element element && trees.getPath(element) != null) {
      return; // from the sources: javac reported the missing package
    }
    String where =
        construct instanceof Element element ? "'" + describe(element) + "'" : "a type in use";
    printWithoutPosition(Diagnostic.Kind.NOTE, Messages.annotationsNotResolved(where), unit);
  }

  /** A class by its qualified name, a member or parameter with the class it belongs to. */
  private static String describe(Element element) {
    if (element.getKind() == ElementKind.PARAMETER) {
      element = element.getEnclosingElement(); // the method says more than the parameter's name
    }
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    Element owner = element.getEnclosingElement();
    while (owner != null && !(owner instanceof TypeElement)) {
      owner = owner.getEnclosingElement();
    }
    return owner == null
        ? element.getSimpleName().toString()
        : ((TypeElement) owner).getQualifiedName() + "." + element.getSimpleName();
  }

  /**
   * A message about the whole compilation, with no file or line: {@code Trees.printMessage} drops
   * the position of a message whose compilation unit has no source file (JDK 17 to 25; a null unit
   * throws on JDK 17). {@code tree} only has to be some tree: its position is dropped.
   */
  private void printWithoutPosition(Diagnostic.Kind kind, String message, Tree tree) {
    trees.printMessage(kind, message, tree, NO_FILE);
  }

  /**
   * A compilation unit of no file, for {@link #printWithoutPosition}. A proxy rather than a class:
   * the interface gains methods from JDK to JDK, and javac asks this one only for its file.
   */
  private static final CompilationUnitTree NO_FILE =
      (CompilationUnitTree)
          Proxy.newProxyInstance(
              CompilationUnitTree.class.getClassLoader(),
              new Class<?>[] {CompilationUnitTree.class},
              (proxy, method, arguments) ->
                  switch (method.getName()) {
                    case "getKind" -> Tree.Kind.COMPILATION_UNIT;
                    case "toString" -> "no file";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                  });

  private void reportInternal(
      FindingCollector findings,
      CompilationUnitTree unit,
      TypeElement type,
      Throwable failure,
      PinOptions options) {
    String file = unit.getSourceFile().getName();
    findings.report(Messages.internal(Site.of(type), file, failure));
    if (options.stats()) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      trees.printMessage(Diagnostic.Kind.NOTE, trace.toString(), unit, unit);
    }
  }

  private void printStats() {
    if (!checks.options.stats() || lastUnit == null) {
      return;
    }
    printWithoutPosition(
        Diagnostic.Kind.NOTE,
        Messages.stats(
            unitsChecked,
            checks.model.pinnedTypesSeen(),
            nanosSpent / 1_000_000,
            (clock.nanos() - startNanos) / 1_000_000,
            clock.measures(),
            checks.classFiles.classFilesOpened()),
        lastUnit);
  }
}
