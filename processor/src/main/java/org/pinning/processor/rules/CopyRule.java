package org.pinning.processor.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * {@code pin:copy} for declarations (DESIGN.md §4.3): a pinned type that can be copied.
 *
 * <pre>{@code
 * @Pinned final class Task implements Cloneable {}     // rejected
 * @Pinned final class Task implements Serializable {}  // rejected
 * @Pinned record Task(Buffer buffer) {}                // rejected: records are values
 * @Pinned final class Task {
 *   Task(Task other) { this.state = other.state; }      // rejected: a copy constructor
 * }
 * @Pinned final class Node {
 *   Node(Node prev) { this.prev = prev; }               // fine: links, does not copy
 * }
 * }</pre>
 */
public final class CopyRule {
  private final PinModel model;
  private final PinAnnotations annotations;
  private final Types types;
  private final Elements elements;

  /** Looked up when a pinned type is first judged: see {@link CopyingTypes}. */
  private CopyingTypes copying;

  /** Compared on every call: javac's names compare by identity. */
  private final Name cloneName;

  public CopyRule(PinModel model, Elements elements) {
    this.model = model;
    this.annotations = model.annotations();
    this.types = model.types();
    this.elements = elements;
    this.cloneName = elements.getName("clone");
  }

  /** Every way the declaration of pinned {@code type} lets it be copied. */
  public void checkType(TypeElement type, Reporter out) {
    if (!model.isPinnedDeclaration(type)) {
      checkRecordComponents(type, out);
      return;
    }
    if (type.getKind() == ElementKind.RECORD) {
      out.report(Messages.pinnedRecord(Site.of(type), type));
    }
    TypeElement viaCloneable = directSupertypeLeadingTo(type, copying().cloneable());
    if (viaCloneable != null) {
      out.report(Messages.cloneableType(Site.clause(type, viaCloneable), type));
    }
    if (type.getKind() != ElementKind.ENUM) {
      checkSerializable(type, out);
    }
    checkClone(type, out);
  }

  /**
   * A {@code clone()} call ({@code call}, of {@code method}) on a value of a pinned type, pinned or
   * not (§4.3); an unqualified call clones the instance of {@code enclosing}.
   */
  public Finding checkCloneCall(
      TreePath call, ExecutableElement method, TypeElement enclosing, Trees trees) {
    if (!method.getSimpleName().equals(cloneName) || !method.getParameters().isEmpty()) {
      return null;
    }
    ExpressionTree select = ((MethodInvocationTree) call.getLeaf()).getMethodSelect();
    TypeMirror receiver;
    if (select instanceof MemberSelectTree member) {
      receiver =
          trees.getTypeMirror(new TreePath(new TreePath(call, select), member.getExpression()));
    } else {
      receiver = enclosing == null ? null : enclosing.asType();
    }
    return receiver != null && model.isPinned(receiver)
        ? Messages.cloneCall(Site.tree(call), receiver)
        : null;
  }

  /**
   * A copy constructor of a pinned type: one parameter of the same type, not {@code @Pinned}, whose
   * body reads a field of it. Linking constructors ({@code Node(Node prev)}) are fine.
   */
  public Finding checkConstructor(ExecutableElement constructor, MethodTree tree) {
    TypeElement owner = (TypeElement) constructor.getEnclosingElement();
    if (constructor.getParameters().size() != 1
        || tree.getBody() == null
        || !model.isPinnedDeclaration(owner)) {
      return null;
    }
    VariableElement parameter = constructor.getParameters().get(0);
    if (annotations.hasPinned(parameter)
        || !types.isSameType(types.erasure(parameter.asType()), types.erasure(owner.asType()))
        || !readsFieldOf(tree, parameter.getSimpleName())) {
      return null;
    }
    return Messages.copyConstructor(Site.of(constructor), constructor);
  }

  private void checkSerializable(TypeElement type, Reporter out) {
    TypeElement viaExternalizable = directSupertypeLeadingTo(type, copying().externalizable());
    if (viaExternalizable != null) {
      out.report(
          Messages.serializableType(Site.clause(type, viaExternalizable), type, "Externalizable"));
      return;
    }
    TypeElement viaSerializable = directSupertypeLeadingTo(type, copying().serializable());
    if (viaSerializable != null) {
      out.report(
          Messages.serializableType(Site.clause(type, viaSerializable), type, "Serializable"));
    }
  }

  private void checkClone(TypeElement type, Reporter out) {
    ExecutableElement declared = cloneMethodOf(type);
    if (declared != null) {
      out.report(Messages.declaresClone(Site.of(declared), type));
      return;
    }
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement ancestor = (TypeElement) ((DeclaredType) superclass).asElement();
      ExecutableElement inherited = cloneMethodOf(ancestor);
      if (inherited != null) {
        if (inherited.getModifiers().contains(Modifier.PUBLIC)
            && !model.isPinnedDeclaration(ancestor)) {
          TypeElement direct = (TypeElement) types.asElement(type.getSuperclass());
          out.report(Messages.inheritsPublicClone(Site.clause(type, direct), type, inherited));
        }
        return;
      }
      superclass = ancestor.getSuperclass();
    }
  }

  private void checkRecordComponents(TypeElement type, Reporter out) {
    if (type.getKind() != ElementKind.RECORD) {
      return;
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      AnnotationMirror pinned = annotations.pinned(field);
      if (pinned != null
          && !field.getModifiers().contains(Modifier.STATIC)
          && !field.asType().getKind().isPrimitive()) {
        out.report(Messages.pinnedRecordComponent(Site.annotation(field, pinned), field, type));
      }
    }
  }

  /**
   * The supertype {@code type} names whose subtype relation brings in {@code target}, or null. A
   * pinned supertype is not named: its own declaration carries the error, and repeating it on every
   * subclass would be a cascade.
   */
  private TypeElement directSupertypeLeadingTo(TypeElement type, TypeMirror target) {
    if (target == null) {
      return null;
    }
    for (TypeMirror supertype : model.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED
          && types.isSubtype(types.erasure(supertype), target)) {
        TypeElement element = (TypeElement) types.asElement(supertype);
        return model.isPinnedDeclaration(element) ? null : element;
      }
    }
    return null;
  }

  private ExecutableElement cloneMethodOf(TypeElement type) {
    if (type.getKind() == ElementKind.CLASS && type.getSuperclass().getKind() == TypeKind.NONE) {
      return null; // java.lang.Object, the one class without a superclass
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().equals(cloneName)
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.STATIC)) {
        return method;
      }
    }
    return null;
  }

  private static boolean readsFieldOf(MethodTree constructor, CharSequence parameter) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree node, Void unused) {
            // other.method(): a call on the parameter, not a field read; its receiver and
            // arguments may still read fields.
            Boolean inArguments = scan(node.getArguments(), null);
            if (node.getMethodSelect() instanceof MemberSelectTree select) {
              return Boolean.TRUE.equals(inArguments)
                  || Boolean.TRUE.equals(scan(select.getExpression(), null));
            }
            return Boolean.TRUE.equals(inArguments)
                || Boolean.TRUE.equals(scan(node.getMethodSelect(), null));
          }

          @Override
          public Boolean visitMemberSelect(MemberSelectTree node, Void unused) {
            if (node.getExpression() instanceof IdentifierTree identifier
                && identifier.getName().contentEquals(parameter)) {
              return true;
            }
            return super.visitMemberSelect(node, unused);
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(constructor.getBody(), null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * The JDK interfaces that let a type be copied; null where the compilation cannot see one. Only
   * pinned types are judged against them, and a lookup by name makes javac search every module of
   * the compilation: code without pins does not pay for it (DESIGN.md §9).
   */
  private record CopyingTypes(
      TypeMirror cloneable, TypeMirror serializable, TypeMirror externalizable) {}

  private CopyingTypes copying() {
    if (copying == null) {
      copying =
          new CopyingTypes(
              typeNamed("java.lang.Cloneable"),
              typeNamed("java.io.Serializable"),
              typeNamed("java.io.Externalizable"));
    }
    return copying;
  }

  private TypeMirror typeNamed(String name) {
    TypeElement element = elements.getTypeElement(name);
    return element == null ? null : element.asType();
  }
}
