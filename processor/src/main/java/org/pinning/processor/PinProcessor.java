package org.pinning.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.pinning.processor.javac.EnvironmentUnwrapper;
import org.pinning.processor.javac.ImplicitClasses;
import org.pinning.processor.javac.MessagerReporter;
import org.pinning.processor.javac.OptionsHandoff;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.projection.ProjectionWriter;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.FindingCollector;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.rules.DeclarationRules;
import org.pinning.processor.rules.Sources;

/**
 * The annotation processor of the pin discipline (DESIGN.md §8). It generates projections (§5).
 * Under javac the plugin ({@link PinPlugin}) runs the rules, and this processor only hands it its
 * {@code -A} options; under compilers without plugins (ECJ) it runs the declaration rules itself.
 *
 * <p>It supports {@code "*"} so that its options are always recognised, and claims nothing.
 */
@AutoService(Processor.class)
public final class PinProcessor extends AbstractProcessor {
  private PinOptions options = PinOptions.defaults();
  private boolean pluginRuns;
  private ProjectionWriter projections;
  private DeclarationRules declarations;
  private MessagerReporter printer;
  private final Set<TypeElement> sourceTypes = new HashSet<>();
  private boolean notedSkippedBodyRules;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return PinOptions.KNOWN;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    try {
      options = PinOptions.parse(PinOptions.pinEntries(environment.getOptions()));
      for (String problem : options.problems()) {
        environment
            .getMessager()
            .printMessage(Diagnostic.Kind.WARNING, Messages.optionProblem(problem));
      }
      JavacTask task = EnvironmentUnwrapper.javacTask(environment);
      pluginRuns =
          task != null && OptionsHandoff.offer(task, options.values(), environment.getFiler());
      projections =
          task == null
              ? new ProjectionWriter(environment)
              : new ProjectionWriter(environment, unnameableIn(Trees.instance(task)));
      printer = new MessagerReporter(environment.getMessager());
      declarations =
          new DeclarationRules(
              new PinModel(environment.getTypeUtils(), environment.getElementUtils()),
              environment.getElementUtils(),
              new RoundSources(sourceTypes));
    } catch (RuntimeException | LinkageError failure) {
      internal(failure);
    }
  }

  /** Members of a compact source file's implicit class: generated code cannot name them. */
  private static Predicate<TypeElement> unnameableIn(Trees trees) {
    return type -> ImplicitClasses.isInsideImplicitClass(type, trees);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (!pluginRuns) {
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
          collect(type); // the plugin knows the sources from their trees
        }
      }
      for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
        FindingCollector findings = new FindingCollector(printer, options);
        processType(type, findings);
        findings.flush(printer);
      }
      if (round.processingOver() && !pluginRuns && !notedSkippedBodyRules) {
        notedSkippedBodyRules = true;
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, Messages.bodyRulesSkipped());
      }
    } catch (RuntimeException | LinkageError | StackOverflowError failure) {
      internal(failure);
    }
    return false;
  }

  private void collect(TypeElement type) {
    sourceTypes.add(type);
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(nested);
    }
  }

  private void processType(TypeElement type, Reporter findings) {
    if (options.generate() && projections != null) {
      projections.write(type, findings);
    }
    if (!pluginRuns && declarations != null) {
      declarations.checkType(type, findings);
      declarations.checkSignatureTypeArguments(type, findings);
    }
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested) {
        processType(nested, findings);
      }
    }
  }

  private void internal(Throwable failure) {
    processingEnv
        .getMessager()
        .printMessage(
            options.errorsAsWarnings() ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR,
            Messages.processorFailed(failure));
    if (options.stats()) {
      java.io.StringWriter trace = new java.io.StringWriter();
      failure.printStackTrace(new java.io.PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, trace.toString());
    }
  }

  /** Under compilers without trees, a type is from source when a round handed it to us. */
  private record RoundSources(Set<TypeElement> types) implements Sources {
    @Override
    public boolean isFromSource(TypeElement type) {
      return types.contains(type);
    }

    @Override
    public boolean hasInstanceInitializer(TypeElement type) {
      return false;
    }
  }
}
