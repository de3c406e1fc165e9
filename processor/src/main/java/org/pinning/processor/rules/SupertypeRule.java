package org.pinning.processor.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
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
 * abstract class Shape extends Base {}               // no code of its own:
 * @Pinned final class Task extends Shape {}         // warned at 'extends Shape', naming Base
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

  /**
   * A warning for each supertype clause of pinned {@code type} that leads to unpinned code seeing
   * {@code this}. The code may sit above a body-less abstract class or a sub-interface that adds
   * none of its own: {@code Task extends Shape extends Base} warns at {@code extends Shape},
   * naming {@code Base}, because Base's code sees a Task's {@code this} all the same. A path ends
   * at the nearest type with code (pinning it pins what lies between, and its own supertypes are
   * then judged for it), at a pinned type (judged for itself) and at a class file.
   */
  public void check(TypeElement type, Reporter out) {
    if (!model.isPinnedDeclaration(type)) {
      return;
    }
    Set<TypeElement> visited = new HashSet<>();
    for (TypeMirror supertype : model.directSupertypes(type)) {
      TypeElement clause = unpinnedSourceType(supertype);
      if (clause == null) {
        continue;
      }
      for (TypeElement withCode : codeSeeingThis(clause, visited)) {
        TypeElement via = withCode.equals(clause) ? null : clause;
        Site site = Site.clause(type, clause);
        out.report(
            returnsItself(withCode)
                ? Messages.unpinnedFluentSupertype(site, type, withCode, via)
                : Messages.unpinnedSupertype(site, type, withCode, via));
      }
    }
  }

  /** The unpinned types with code reached from {@code start} through code-less unpinned types. */
  private List<TypeElement> codeSeeingThis(TypeElement start, Set<TypeElement> visited) {
    List<TypeElement> found = new ArrayList<>(1);
    Deque<TypeElement> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      TypeElement next = work.poll();
      if (!visited.add(next)) {
        continue;
      }
      if (hasCodeSeeingThis(next)) {
        found.add(next);
        continue;
      }
      for (TypeMirror supertype : model.directSupertypes(next)) {
        TypeElement above = unpinnedSourceType(supertype);
        if (above != null) {
          work.add(above);
        }
      }
    }
    return found;
  }

  private TypeElement unpinnedSourceType(TypeMirror supertype) {
    if (supertype.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) model.types().asElement(supertype);
    return sources.isFromSource(element) && !model.isPinnedDeclaration(element) ? element : null;
  }

  /**
   * Whether {@code type} has an instance method returning its own type, or one of its own type
   * variables (a self type, {@code B extends Builder<B>}): a fluent API whose {@code return this}
   * would each become a move once the type is pinned, so the help says when suppression is the
   * better fix.
   */
  private boolean returnsItself(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      TypeMirror returned = method.getReturnType();
      if (returned instanceof TypeVariable variable) {
        returned = variable.getUpperBound(); // B extends Builder<B>: a self type
      }
      if (returned.getKind() == TypeKind.DECLARED
          && model.types().asElement(returned).equals(type)) {
        return true;
      }
    }
    return false;
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
