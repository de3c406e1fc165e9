package org.pinning.processor.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The pin facts of one compilation (DESIGN.md §2): which types are pinned, which are known Unpin,
 * which elements are pinned places. Every rule asks here; answers about a type declaration are
 * computed once and cached, so the common question "is this ordinary type pinned?" costs one map
 * lookup.
 *
 * <p>A type is pinned when it is annotated {@code @Pinned}, has a pinned supertype, or declares a
 * structurally pinned ({@code @Pinned final}) instance field whose type is not known Unpin; a pinned
 * slot (a {@code @Pinned} field that is not final) does not pin its owner. Where that field's type mentions a
 * type variable the answer depends on the type arguments ({@code Cell<String>} is not pinned,
 * {@code Cell<Task>} is): such declarations are {@link Status#CONDITIONAL}.
 */
public final class PinModel {

  /** What a type declaration says about its instances, before type arguments are known. */
  enum Status {
    /** Neither the type nor any supertype has anything to do with pinning. */
    NEVER,
    /** Pinned for some type arguments: decided per use by substitution. */
    CONDITIONAL,
    /** Pinned whatever the type arguments. */
    ALWAYS
  }

  private final Types types;
  private final Elements elements;
  private final PinAnnotations annotations;
  private final Map<TypeElement, Status> statuses = new HashMap<>();
  private final Map<TypeElement, Boolean> contracts = new HashMap<>();
  private final Set<TypeElement> inProgress = new HashSet<>();
  private final Map<ModuleElement, Boolean> jdkModules = new HashMap<>();
  private final MemberPins members;
  private final ClassFileTypeAnnotations classFiles;
  private ContainerTypes containers;

  /** The facts of a compilation whose class files are read only by javac. */
  public PinModel(Types types, Elements elements) {
    this(types, elements, ClassFileTypeAnnotations.idle(elements, types));
  }

  /**
   * The facts of a compilation whose class-file type annotations {@code classFiles} reads where
   * javac does not (JDK 17 to 21).
   */
  public PinModel(Types types, Elements elements, ClassFileTypeAnnotations classFiles) {
    this.types = types;
    this.elements = elements;
    this.annotations = new PinAnnotations(elements);
    this.classFiles = classFiles;
    this.members = new MemberPins(this, elements);
  }

  /**
   * Whether a member read from a class file writes {@code @Pinned} as a type use in its signature
   * where javac does not show it (JDK 17 to 21): {@code List<@Pinned Runnable> runs()}.
   */
  public boolean hasClassFileTypePins(Element member) {
    return classFiles.isActive() && classFiles.hasPinnedTypeUses(member);
  }

  /**
   * Whether a method read from a class file declares a pinned receiver, {@code boolean
   * poll(@Pinned Fut this)}, where javac does not show it (JDK 17 to 21).
   */
  public boolean hasClassFilePinnedReceiver(ExecutableElement method) {
    return classFiles.isActive() && classFiles.isReceiverPinned(method);
  }

  /**
   * Whether {@code type} is compiled from source in this compilation, where the user can annotate
   * it: its tree may already be lowered and gone, so {@code Trees.getTree} cannot tell.
   */
  public boolean isFromSource(TypeElement type) {
    return classFiles != null && classFiles.isFromSource(type);
  }

  /** Pinned containers and supertype clauses (§4.7), made when first asked for. */
  public ContainerTypes containers() {
    if (containers == null) {
      containers = new ContainerTypes(elements, types, annotations, classFiles);
    }
    return containers;
  }

  public Types types() {
    return types;
  }

  /** Where {@code @Pinned} and {@code @Unpin} are written, for this compilation. */
  public PinAnnotations annotations() {
    return annotations;
  }

  /** What {@code @Pinned} says on fields, receivers and constructors. */
  public MemberPins members() {
    return members;
  }

  /**
   * Whether declaration rules (§4.3, §4.4, §4.8) treat {@code type} as pinned: pinned for some type
   * arguments at least.
   */
  public boolean isPinnedDeclaration(TypeElement type) {
    return status(type) != Status.NEVER;
  }

  /** Whether values of static type {@code type} are pinned (§2, rules 1 to 3). */
  public boolean isPinned(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        return isPinned((DeclaredType) type);
      case TYPEVAR:
        return isPinned(((TypeVariable) type).getUpperBound());
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound != null && isPinned(bound);
      case INTERSECTION:
        for (TypeMirror bound2 : ((IntersectionType) type).getBounds()) {
          if (isPinned(bound2)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private boolean isPinned(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    Status status = status(element);
    if (status != Status.CONDITIONAL) {
      return status == Status.ALWAYS;
    }
    for (VariableElement field : structurallyPinnedFields(element)) {
      if (!isKnownUnpin(types.asMemberOf(type, field))) {
        return true;
      }
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (isPinned(supertype)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code type} is known Unpin (§2): a primitive, an array, an {@code @Unpin} type, a type
   * variable bounded {@code @Unpin}, or a final class that is not pinned.
   */
  public boolean isKnownUnpin(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive() || kind == TypeKind.ARRAY || kind == TypeKind.NULL) {
      return true;
    }
    switch (kind) {
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return annotations.hasUnpin(element) || (isFinal(element) && !isPinned(type));
      case TYPEVAR:
        TypeVariable variable = (TypeVariable) type;
        return annotations.hasUnpin(variable.asElement()) || isKnownUnpin(variable.getUpperBound());
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound != null && isKnownUnpin(bound);
      case INTERSECTION:
        for (TypeMirror bound2 : ((IntersectionType) type).getBounds()) {
          if (isKnownUnpin(bound2)) {
            return true;
          }
        }
        return false;
      case ERROR:
        // javac has reported it; claiming nothing about it avoids cascades.
        return true;
      default:
        return false;
    }
  }

  /**
   * Why {@code type} is pinned, for messages: its own annotation, a pinned supertype, or a pinned
   * field. Null when it is not pinned.
   */
  public PinReason reason(TypeElement type) {
    if (annotations.hasPinned(type)) {
      return PinReason.annotated(type);
    }
    for (TypeMirror supertype : directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED
          && inheritedStatus((DeclaredType) supertype) != Status.NEVER) {
        return PinReason.supertype((TypeElement) types.asElement(supertype));
      }
    }
    for (VariableElement field : structurallyPinnedFields(type)) {
      if (!isKnownUnpin(field.asType())) {
        return PinReason.field(field);
      }
    }
    return null;
  }

  /**
   * Whether {@code type} or one of its supertypes declares a method with a {@code @Pinned}
   * parameter, receiver or return: only then can an override weaken a pin contract (§4.6).
   */
  public boolean hasPinContracts(TypeElement type) {
    Boolean known = contracts.get(type);
    if (known != null) {
      return known;
    }
    if (isJdkType(type)) {
      return false;
    }
    contracts.put(type, false); // cycles in erroneous hierarchies end here
    boolean found = declaresPinContract(type);
    for (TypeMirror supertype : directSupertypes(type)) {
      if (!found && supertype.getKind() == TypeKind.DECLARED) {
        found = hasPinContracts((TypeElement) types.asElement(supertype));
      }
    }
    contracts.put(type, found);
    return found;
  }

  /** Every supertype declaration {@code type} names, superclass first. */
  public List<TypeMirror> directSupertypes(TypeElement type) {
    List<? extends TypeMirror> interfaces = type.getInterfaces();
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return List.copyOf(interfaces);
    }
    java.util.ArrayList<TypeMirror> all = new java.util.ArrayList<>(interfaces.size() + 1);
    all.add(superclass);
    all.addAll(interfaces);
    return all;
  }

  /**
   * The structurally pinned instance fields {@code type} declares ({@code @Pinned final}): the
   * fields of §2 rule 3. Slots are left out.
   */
  public List<VariableElement> structurallyPinnedFields(TypeElement type) {
    List<VariableElement> fields = null;
    for (Element member : type.getEnclosedElements()) {
      // Asked of every type the checks meet: annotations first, since most members have none.
      if (member.getKind() == ElementKind.FIELD
          && annotations.hasPinned(member)
          && member.getModifiers().contains(Modifier.FINAL)
          && !member.getModifiers().contains(Modifier.STATIC)) {
        if (fields == null) {
          fields = new java.util.ArrayList<>(2);
        }
        fields.add((VariableElement) member);
      }
    }
    return fields == null ? List.of() : fields;
  }

  /** How many type declarations this compilation found pinned so far (for {@code pin.stats}). */
  public int pinnedTypesSeen() {
    int count = 0;
    for (Status status : statuses.values()) {
      if (status != Status.NEVER) {
        count++;
      }
    }
    return count;
  }

  Status status(TypeElement type) {
    Status known = statuses.get(type);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(type)) {
      return Status.NEVER; // a type whose pin depends on itself adds nothing by that path
    }
    try {
      Status status = computeStatus(type);
      statuses.put(type, status);
      return status;
    } finally {
      inProgress.remove(type);
    }
  }

  private Status computeStatus(TypeElement type) {
    if (isJdkType(type)) {
      return Status.NEVER;
    }
    if (annotations.hasPinned(type)) {
      return Status.ALWAYS;
    }
    boolean conditional = false;
    for (TypeMirror supertype : directSupertypes(type)) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      Status inherited = inheritedStatus((DeclaredType) supertype);
      if (inherited == Status.ALWAYS) {
        return Status.ALWAYS;
      }
      conditional |= inherited == Status.CONDITIONAL;
    }
    for (VariableElement field : structurallyPinnedFields(type)) {
      TypeMirror fieldType = field.asType();
      if (isKnownUnpin(fieldType)) {
        continue;
      }
      if (!mentionsTypeVariable(fieldType)) {
        return Status.ALWAYS;
      }
      conditional = true;
    }
    return conditional ? Status.CONDITIONAL : Status.NEVER;
  }

  /**
   * Whether {@code type} belongs to the JDK, which is compiled without the pin annotations: it
   * declares no pins (its type arguments may still be pinned where it is used). Knowing that from
   * its module spares reading its members, and javac reads the class file of every nested class of
   * a class whose members are listed, class files it would otherwise never need.
   */
  public boolean isJdkType(TypeElement type) {
    ModuleElement module = elements.getModuleOf(type);
    if (module == null || module.isUnnamed()) {
      return false;
    }
    Boolean jdk = jdkModules.get(module);
    if (jdk == null) {
      String name = module.getQualifiedName().toString();
      jdk = name.startsWith("java.") || name.startsWith("jdk.");
      jdkModules.put(module, jdk);
    }
    return jdk;
  }

  private boolean declaresPinContract(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (annotations.hasPinned(method) || members.declaresPinnedReceiver(method)) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (annotations.hasPinned(parameter)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isFinal(TypeElement element) {
    ElementKind kind = element.getKind();
    return element.getModifiers().contains(Modifier.FINAL)
        || kind == ElementKind.RECORD
        || kind == ElementKind.ENUM;
  }

  /**
   * What a supertype clause passes on (§2 rule 2). A conditionally pinned supertype is judged by
   * its parameterization once that names no type variable of the subtype: {@code extends
   * Cell<String>} passes on nothing, {@code extends Cell<Task>} a pin, and {@code extends
   * Cell<T>} stays conditional (rule 3 is about the parameterization).
   */
  private Status inheritedStatus(DeclaredType supertype) {
    Status status = status((TypeElement) supertype.asElement());
    if (status != Status.CONDITIONAL || mentionsTypeVariable(supertype)) {
      return status;
    }
    return isPinned(supertype) ? Status.ALWAYS : Status.NEVER;
  }

  /** Whether {@code type} is or is made of a type variable: {@code T}, {@code List<T[]>}. */
  private static boolean mentionsTypeVariable(TypeMirror type) {
    return TypeParts.anyPart(type, part -> part.getKind() == TypeKind.TYPEVAR);
  }

}
