package org.pinning.processor.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pinning.processor.flow.FlowContext;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ClassFileTypeAnnotations;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;
import org.pinning.processor.model.PinMentions;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.rules.DeclarationRules;
import org.pinning.processor.rules.InferredTypeSites;
import org.pinning.processor.rules.MoveRule;
import org.pinning.processor.rules.PinRules;
import org.pinning.processor.rules.Sources;
import org.pinning.processor.rules.TypeUsePlacementRule;
import org.pinning.processor.rules.UnownedRule;

/**
 * Everything the checks of one compilation share: its options, the cached pin facts the analysis
 * asks, and the rules. Built once, at the plugin's first {@code ANALYZE} event, when the
 * processor's options have arrived; handed to the scanner of each class.
 */
final class CompilationChecks {
  final PinOptions options;
  final PinModel model;
  final ClassFileTypeAnnotations classFiles;
  final FlowContext flow;
  /** Null where every member is scanned: see {@link #SCAN_EVERY_MEMBER}. */
  final PinFreeMembers pinFreeMembers;

  /**
   * A test-only switch: with this system property {@code true}, no member is skipped as pin-free,
   * so that the rule tests, run both ways, show that the shortcut never changes what a rule finds
   * ({@link PinFreeMembers} is a second definition of what can trigger each rule).
   */
  static final String SCAN_EVERY_MEMBER = "pinning.test.scanEveryMember";
  private final Trees trees;
  private final DeclarationRules declarations;
  private final TypeUsePlacementRule typeUses;
  private final MoveRule moves;
  private final UnownedRule unowned;
  private final InferredTypeSites inferred;

  CompilationChecks(
      JavacTask task, Trees trees, Sources sources, PinOptions options) {
    Elements elements = task.getElements();
    Types types = task.getTypes();
    this.options = options;
    this.trees = trees;
    this.classFiles =
        new ClassFileTypeAnnotations(
            elements, types, sources::isFromSource, OptionsHandoff.processorFiler(task));
    this.model = new PinModel(types, elements, classFiles);
    BorrowingModel borrowing = new BorrowingModel(elements, types, options.borrowing());
    ContainerTypes containers = model.containers();
    FunctionalTypes functionalTypes = new FunctionalTypes(types, model.annotations(), containers);
    this.flow =
        new FlowContext(
            trees,
            model,
            containers,
            functionalTypes,
            borrowing,
            new FlowContext.Names(elements.getName("this"), elements.getName("super")));
    this.declarations = new DeclarationRules(model, elements, sources);
    this.typeUses = new TypeUsePlacementRule(trees, model.annotations());
    this.moves =
        new MoveRule(model, containers, functionalTypes, borrowing, trees, declarations.override());
    this.unowned = new UnownedRule(model);
    this.inferred = new InferredTypeSites(trees, types, functionalTypes);
    this.pinFreeMembers =
        Boolean.getBoolean(SCAN_EVERY_MEMBER)
            ? null
            : new PinFreeMembers(trees, elements, model, new PinMentions(model), borrowing);
  }

  /** The rules, reporting what they find in one top-level class to {@code out}. */
  PinRules rules(Reporter out) {
    return new PinRules(trees, inferred, declarations, typeUses, moves, unowned, out);
  }
}
