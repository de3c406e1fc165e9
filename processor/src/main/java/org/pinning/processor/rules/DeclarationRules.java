package org.pinning.processor.rules;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * The rules that judge declarations from {@code javax.lang.model} alone. Used by the javac plugin
 * for every class it scans, and by the processor under compilers without plugins. Each rule reports
 * what it finds; where several judge the pin annotations written on one declaration, their findings
 * name that declaration as their subject, and the collector keeps the first code (DESIGN.md §4).
 */
public final class DeclarationRules {
  private final Elements elements;

  /**
   * Every rule but the field and override rules is about an {@code @Pinned} written on the member:
   * most members have none, and one look at their annotations spares the other rules theirs.
   */
  private final PinAnnotations annotations;

  private final PinModel model;
  private final MisplacedRule misplaced;
  private final UnpinRule unpin;
  private final CopyRule copy;
  private final OverrideRule override;
  private final UselessRule useless;
  private final FieldRule field;
  private final SupertypeRule supertype;

  public DeclarationRules(PinModel model, Elements elements, Sources sources) {
    this.elements = elements;
    this.annotations = model.annotations();
    this.model = model;
    this.misplaced = new MisplacedRule(model.annotations());
    this.unpin = new UnpinRule(model);
    this.copy = new CopyRule(model, elements);
    this.override = new OverrideRule(model, elements, sources);
    this.useless = new UselessRule(model);
    this.field = new FieldRule(model);
    this.supertype = new SupertypeRule(model, elements, sources);
  }

  public UnpinRule unpin() {
    return unpin;
  }

  public CopyRule copy() {
    return copy;
  }

  /** The override rule, which also tells the move rule why a return may not be pinned. */
  public OverrideRule override() {
    return override;
  }

  /** The rules about {@code type} itself, its members and their parameters; not nested types. */
  public void checkType(TypeElement type, Reporter out) {
    judge(out, type, unpin.checkBoth(type), unpin.checkUnpinType(type));
    report(out, unpin.checkUnpinSupertype(type));
    copy.checkType(type, out);
    supertype.check(type, out);
    checkTypeParameters(type.getTypeParameters(), out);
    boolean inheritsContracts = inheritsContracts(type);
    for (Element member : type.getEnclosedElements()) {
      switch (member.getKind()) {
        case FIELD:
        case ENUM_CONSTANT:
          checkField(type, (VariableElement) member, out);
          break;
        case METHOD:
        case CONSTRUCTOR:
          ExecutableElement method = (ExecutableElement) member;
          if (inheritsContracts || model.members().writesPins(method)) {
            checkMethod(type, method, out);
          }
          break;
        default:
          break;
      }
    }
  }

  /**
   * Whether the supertypes of {@code type} give its methods a pin contract to keep: a method with
   * a {@code @Pinned} parameter, receiver or return, or a supertype clause with a {@code @Pinned}
   * type argument. Without one, a method that writes no pin ({@link
   * org.pinning.processor.model.MemberPins#writesPins}) can break no rule: most methods of most
   * types, decided from two cached facts of the type and the method's own annotations.
   */
  private boolean inheritsContracts(TypeElement type) {
    return model.hasPinContracts(type) || model.containers().pinsThroughSupertypes(type);
  }

  /** The rules about a local variable, pattern binding, resource or lambda parameter. */
  public void checkLocal(VariableElement local, Reporter out) {
    judge(out, local, misplaced.check(local), useless.check(local));
  }

  /**
   * Pinned type arguments for {@code @Unpin} type parameters in the signatures of {@code type}, for
   * compilers without trees (javac's plugin checks every written type argument instead).
   */
  public void checkSignatureTypeArguments(TypeElement type, Reporter out) {
    for (TypeMirror supertype : type.getInterfaces()) {
      checkArguments(supertype, type, out);
    }
    checkArguments(type.getSuperclass(), type, out);
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD) {
        checkArguments(member.asType(), member, out);
      }
    }
  }

  private void checkArguments(TypeMirror mirror, Element where, Reporter out) {
    if (mirror.getKind() == TypeKind.DECLARED) {
      unpin.checkTypeArguments((DeclaredType) mirror, i -> Site.of(where), out);
    }
  }

  private void checkField(TypeElement owner, VariableElement member, Reporter out) {
    if (owner.getKind() == ElementKind.RECORD) {
      // Record components are judged as a whole by the copy rule.
      judge(out, member, misplaced.check(member), unpin.checkBoth(member));
      return;
    }
    if (!annotations.hasPinned(member)) {
      report(out, field.check(owner, member)); // the only rule about a field without @Pinned
      return;
    }
    judge(
        out,
        member,
        misplaced.check(member),
        unpin.checkBoth(member),
        useless.check(member),
        field.check(owner, member));
  }

  private void checkMethod(TypeElement owner, ExecutableElement method, Reporter out) {
    if (elements.getOrigin(method) != Elements.Origin.EXPLICIT) {
      return; // record accessors, implicit constructors: their annotations come from elsewhere
    }
    if (annotations.hasPinned(method) && !isAccessorOfPinnedComponent(owner, method)) {
      judge(
          out,
          method,
          misplaced.check(method),
          override.check(owner, method),
          useless.check(method));
    } else {
      report(out, override.check(owner, method)); // the only rule about a method without @Pinned
    }
    report(out, useless.checkReceiver(method));
    checkTypeParameters(method.getTypeParameters(), out);
    for (VariableElement parameter : method.getParameters()) {
      if (annotations.hasPinned(parameter)
          && elements.getOrigin(parameter) == Elements.Origin.EXPLICIT) {
        judge(out, parameter, misplaced.check(parameter), useless.check(parameter));
      }
    }
  }

  /**
   * Whether {@code method} is the accessor of a record component written {@code @Pinned}: javac
   * copies the annotation onto the accessor, which has no tree of its own (a finding there would
   * point at the top of the file), while the component's field already carries the one diagnostic
   * about it. An override check still runs for the accessor.
   */
  private boolean isAccessorOfPinnedComponent(TypeElement owner, ExecutableElement method) {
    if (owner.getKind() != ElementKind.RECORD || !method.getParameters().isEmpty()) {
      return false;
    }
    for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      if (field.getSimpleName().equals(method.getSimpleName())
          && !field.getModifiers().contains(Modifier.STATIC)) {
        return annotations.hasPinned(field);
      }
    }
    return false;
  }

  private void checkTypeParameters(
      java.util.List<? extends TypeParameterElement> parameters, Reporter out) {
    for (TypeParameterElement parameter : parameters) {
      report(out, misplaced.check(parameter));
    }
  }

  /**
   * Reports the findings of the rules that judge the pin annotations written on {@code
   * declaration}: one construct, so the collector prints only the first code among them.
   */
  private static void judge(Reporter out, Element declaration, Finding... findings) {
    WrittenPins subject = new WrittenPins(declaration);
    for (Finding finding : findings) {
      if (finding != null) {
        out.report(finding.about(subject));
      }
    }
  }

  private static void report(Reporter out, Finding finding) {
    if (finding != null) {
      out.report(finding);
    }
  }

  /** The construct several declaration rules judge: the pin annotations on one declaration. */
  private record WrittenPins(Element declaration) {}
}
