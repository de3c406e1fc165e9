package org.pinning.processor.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import javax.lang.model.element.Name;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ClassFileTypeAnnotations;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;
import org.pinning.processor.model.PinMentions;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.rules.DeclarationRules;
import org.pinning.processor.rules.MoveRule;
import org.pinning.processor.rules.Sources;
import org.pinning.processor.rules.TypeUsePlacementRule;

/**
 * Everything the checks of one compilation share: its options, the cached pin facts and the rules.
 * Built once, at the plugin's first {@code ANALYZE} event, when the processor's options have
 * arrived; handed to the scanner of each class.
 */
final class CompilationChecks {
  final PinOptions options;
  final boolean processorRan;
  final PinModel model;
  final BorrowingModel borrowing;
  final ContainerTypes containers;
  final ClassFileTypeAnnotations classFiles;
  final FunctionalTypes functionalTypes;
  final DeclarationRules declarations;
  final TypeUsePlacementRule typeUses;
  final MoveRule moves;
  final PinFreeMembers pinFreeMembers;

  /** Names compared on every node, looked up once: javac's names compare by identity. */
  final Name thisName;

  final Name superName;
  final Name cloneName;

  CompilationChecks(
      JavacTask task, Trees trees, Sources sources, PinOptions options, boolean processorRan) {
    Elements elements = task.getElements();
    Types types = task.getTypes();
    this.options = options;
    this.processorRan = processorRan;

    this.borrowing = new BorrowingModel(elements, types, options.borrowing());
    this.classFiles =
        new ClassFileTypeAnnotations(
            elements, types, sources::isFromSource, OptionsHandoff.processorFiler(task));
    this.model = new PinModel(types, elements, classFiles);
    this.containers = model.containers();
    this.functionalTypes = new FunctionalTypes(types, model.annotations());
    this.declarations = new DeclarationRules(model, elements, sources);
    this.typeUses = new TypeUsePlacementRule(trees);
    this.moves = new MoveRule(model, containers);
    this.pinFreeMembers = new PinFreeMembers(trees, elements, new PinMentions(model), borrowing);
    this.thisName = elements.getName("this");
    this.superName = elements.getName("super");
    this.cloneName = elements.getName("clone");
  }
}
