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
import java.util.Map;
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
  private boolean notedMissingProjections;
  private int unitsChecked;
  private long nanosSpent;

  /** What the checks' time is measured with: see {@link CheckClock}. */
  private final CheckClock clock;

  /**
   * When the plugin started, before javac parsed anything: the checks' time over the time since is
   * their share of the compilation, measured on one clock in one process (DESIGN.md §9).
   */
  private final long startNanos;

  /** Only with {@code pin.stats}: the last unit, for the position-less closing note. */
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
        PinScanner scanner = new PinScanner(unit, current, current.rules(findings));
        scanner.scan(path, null);
        if (scanner.sawErrors()) {
          findings.javacReportedErrors();
        }
        noteMissingProjections(current, type, unit);
      }
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      reportInternal(findings, unit, type, failure, current.options);
    }
    findings.flush(printer);
  }

  /**
   * The path to the top-level class {@code type} of {@code unit}. {@code Trees.getPath} finds it by
   * scanning the whole unit up to it, which was a tenth of the checks' time on dense code.
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
        trees.printMessage(Diagnostic.Kind.WARNING, Messages.optionProblem(problem), unit, unit);
      }
      checks = new CompilationChecks(task, trees, sources, options, fromProcessor != null);
    }
    return checks;
  }

  /** From JDK 23 on javac runs no processor it was not asked to run, while plugins still start. */
  private void noteMissingProjections(
      CompilationChecks current, TypeElement type, CompilationUnitTree unit) {
    if (current.processorRan
        || notedMissingProjections
        || !ProjectionEligibility.isProjected(type, current.model.annotations())) {
      return;
    }
    notedMissingProjections = true;
    trees.printMessage(Diagnostic.Kind.NOTE, Messages.projectionsNotGenerated(), unit, unit);
  }

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
    trees.printMessage(
        Diagnostic.Kind.NOTE,
        Messages.stats(
            unitsChecked,
            checks.model.pinnedTypesSeen(),
            nanosSpent / 1_000_000,
            (clock.nanos() - startNanos) / 1_000_000,
            clock.measuresCpu(),
            checks.classFiles.classFilesOpened()),
        lastUnit,
        lastUnit);
  }
}
