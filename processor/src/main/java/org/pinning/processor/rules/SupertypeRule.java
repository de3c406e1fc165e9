package org.pinning.processor.rules;

import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * Warning {@code pin:supertype} (DESIGN.md §4.8): a pinned type extends a type of these sources
 * that is not pinned but has code — instance methods with bodies, constructors, instance
 * initializers — that sees an unpinned {@code this} and may move it.
 *
 * <pre>{@code
 * class Base { void register() { Registry.add(this); } }
 * @Pinned final class Task extends Base {}          // warned
 * @Pinned class Base { ... }                         // fine once Base is pinned too
 * }</pre>
 *
 * <p>Supertypes read from class files are not judged.
 */
public final class SupertypeRule {
  private final PinModel model;
  private final Elements elements;
  private final Sources sources;

  public SupertypeRule(PinModel model, Elements elements, Sources sources) {
    this.model = model;
    this.elements = elements;
    this.sources = sources;
  }

  /** A warning for each unpinned supertype of pinned {@code type} whose code sees {@code this}. */
  public void check(TypeElement type, Consumer<Finding> out) {
    if (!model.isPinnedDeclaration(type)) {
      return;
    }
    for (TypeMirror supertype : model.directSupertypes(type)) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) model.types().asElement(supertype);
      if (sources.isFromSource(element)
          && !model.isPinnedDeclaration(element)
          && hasCodeSeeingThis(element)) {
        out.accept(Messages.unpinnedSupertype(Site.clause(type, element), type, element));
      }
    }
  }

  private boolean hasCodeSeeingThis(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && !member.getModifiers().contains(Modifier.STATIC)
          && !member.getModifiers().contains(Modifier.ABSTRACT)
          && type.getKind() != ElementKind.ANNOTATION_TYPE) {
        return true;
      }
      if (member.getKind() == ElementKind.CONSTRUCTOR
          && elements.getOrigin(member) == Elements.Origin.EXPLICIT) {
        return true;
      }
    }
    return sources.hasInstanceInitializer(type);
  }
}
