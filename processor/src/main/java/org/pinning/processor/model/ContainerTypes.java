package org.pinning.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Pinned containers (DESIGN.md §4.7): which type arguments of a type are {@code @Pinned}, and what
 * that makes of a method called on it. javac drops type annotations through inference and member
 * substitution, so the checker carries them itself as a bit mask over the type parameters of a
 * class ({@code List<@Pinned Task>}: bit 0 of {@code List}), translated from a class to its
 * supertypes through their declarations.
 *
 * <p>A {@code @Pinned} type argument may be written where javac does not show it: in the signature
 * of a member read from a class file, on JDK 17 to 21. The questions about declared members ({@link
 * #resultArguments}, {@link #variableArguments}) and supertype clauses ({@link SupertypeClauses})
 * then take the answer of {@link ClassFileTypeAnnotations}, so every decision is made from the same
 * masks either way.
 */
public final class ContainerTypes {
  private final Types types;
  private final PinAnnotations annotations;
  private final ClassFileTypeAnnotations classFiles;
  private final SupertypeClauses clauses;
  private final Elements elements;

  /**
   * {@code Iterable}, looked up when a pinned container is first iterated: a lookup by name makes
   * javac search every module of the compilation, which code without pins should not pay for.
   */
  private TypeElement iterable;

  /** The JDK types whose element reads leave the element in place (DESIGN.md §4.9). */
  private static final Set<String> ELEMENT_HOLDERS =
      Set.of("java.util.Collection", "java.util.Map", "java.util.Iterator");

  /** Whether each class that declares an element-read name is a container, once asked. */
  private final Map<TypeElement, Boolean> holders = new HashMap<>();

  /** The names of the methods that read an element and leave it in its container. */
  private static final Set<String> ELEMENT_READS =
      Set.of(
          "get", "peek", "element", "next", "previous", "getFirst", "getLast", "peekFirst",
          "peekLast", "first", "last", "floor", "ceiling", "higher", "lower");

  public ContainerTypes(
      Elements elements,
      Types types,
      PinAnnotations annotations,
      ClassFileTypeAnnotations classFiles) {
    this.types = types;
    this.annotations = annotations;
    this.classFiles = classFiles;
    this.clauses = new SupertypeClauses(annotations, classFiles);
    this.elements = elements;
  }

  /**
   * Whether {@code method} reads an element and leaves it in its container ({@code get}, {@code
   * peek}, {@code next}, {@code Map.get}…): its result is not the caller's to pin (§4.9).
   * Decided by name first: most calls are of no such method. The containers are recognised by
   * the names of the declaring class's supertypes, which javac has read to resolve the call, so
   * that asking reads no other class file.
   */
  public boolean isElementRead(ExecutableElement method) {
    if (!ELEMENT_READS.contains(method.getSimpleName().toString())
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    Boolean known = holders.get(owner);
    if (known == null) {
      known = holdsElements(owner, new HashSet<>());
      holders.put(owner, known);
    }
    return known;
  }

  private boolean holdsElements(TypeElement type, Set<TypeElement> seen) {
    if (!seen.add(type)) {
      return false;
    }
    if (ELEMENT_HOLDERS.contains(type.getQualifiedName().toString())) {
      return true;
    }
    for (TypeMirror supertype : type.getInterfaces()) {
      if (types.asElement(supertype) instanceof TypeElement element && holdsElements(element, seen)) {
        return true;
      }
    }
    return types.asElement(type.getSuperclass()) instanceof TypeElement superclass
        && holdsElements(superclass, seen);
  }

  /**
   * The pinned type arguments of a call's result that is a type argument of its receiver, where
   * the receiver is a member read from a class file whose declared type nests a {@code @Pinned}
   * type argument: {@code lib.groups().get("a")} on a {@code Map<String, List<@Pinned Task>>
   * groups()}. javac shows those itself in the result's type from JDK 22 on; before, the class file
   * says them.
   *
   * @param receiverMember the field or method the receiver expression reads
   * @param receiverClass the class of the receiver's static type
   */
  public ArgumentMask resultArgumentsThroughReceiver(
      ExecutableElement method, Element receiverMember, TypeElement receiverClass) {
    if (!classFiles.isActive()
        || method.getReturnType().getKind() != TypeKind.TYPEVAR
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return ArgumentMask.NONE;
    }
    List<String> paths = declaredPaths(receiverMember);
    if (paths.isEmpty()) {
      return ArgumentMask.NONE;
    }
    int variable =
        owner.getTypeParameters().indexOf(((TypeVariable) method.getReturnType()).asElement());
    int source = clauses.parameterOf(receiverClass, owner, variable);
    if (source < 0) {
      return ArgumentMask.NONE;
    }
    String prefix = source + ";";
    List<String> nested = new ArrayList<>(paths.size());
    for (String path : paths) {
      if (path.startsWith(prefix)) {
        nested.add(path.substring(prefix.length()));
      }
    }
    return fromClassFile(nested);
  }

  /** Where a field's or method's declared type is written {@code @Pinned}, from its class file. */
  private List<String> declaredPaths(Element member) {
    if (member instanceof ExecutableElement || member.getKind() == ElementKind.FIELD) {
      return classFiles.pinnedPaths(member);
    }
    if (member.getKind() == ElementKind.PARAMETER
        && member.getEnclosingElement() instanceof ExecutableElement method) {
      int index = method.getParameters().indexOf(member);
      return index < 0 ? List.of() : classFiles.parameterPinnedPaths(method, index);
    }
    return List.of();
  }

  /**
   * Whether a supertype clause of {@code type} or of one of its supertypes writes a type argument
   * {@code @Pinned} ({@code class RunQueue extends ArrayDeque<@Pinned Task>}): then its values are
   * pinned containers with no type argument of their own. Cached; JDK types have none.
   */
  public boolean pinsThroughSupertypes(TypeElement type) {
    return clauses.pinThroughSupertypes(type);
  }

  /**
   * Whether values of {@code type} are containers of pinned elements by their class's supertype
   * clauses alone ({@code RunQueue}, {@code Tasks implements Iterable<@Pinned Task>}), with no type
   * argument of their own to show it (§4.7).
   */
  public boolean pinsThroughSupertypes(TypeMirror type) {
    return type != null
        && type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement() instanceof TypeElement element
        && pinsThroughSupertypes(element);
  }

  /**
   * Whether {@code declared}, a type in the signature of a member of a supertype of {@code type},
   * is a type variable that a supertype clause on the way from {@code type} writes {@code @Pinned}:
   * {@code T} of {@code Consumer.accept(T)} for {@code class Log implements Consumer<@Pinned
   * Task>}. Read from the clauses' declarations, so a class file's clause counts on every JDK.
   */
  public boolean isPinnedThroughSupertypes(TypeElement type, TypeMirror declared) {
    if (declared.getKind() != TypeKind.TYPEVAR
        || !(((TypeVariable) declared).asElement() instanceof TypeParameterElement parameter)
        || !(parameter.getGenericElement() instanceof TypeElement owner)
        || !pinsThroughSupertypes(type)) {
      return false;
    }
    int index = owner.getTypeParameters().indexOf(parameter);
    return translate(type, ArgumentMask.NONE, owner).has(index);
  }

  /** The type arguments of {@code method}'s declared result written {@code @Pinned}, as a mask. */
  public ArgumentMask resultArguments(ExecutableElement method) {
    ArgumentMask mask = pinnedArguments(method.getReturnType());
    if (!mask.isEmpty() || !classFiles.isActive()) {
      return mask;
    }
    return fromClassFile(classFiles.pinnedPaths(method));
  }

  /**
   * The type arguments of {@code variable}'s declared type written {@code @Pinned}, as a mask: a
   * field, a parameter or a local.
   */
  public ArgumentMask variableArguments(VariableElement variable) {
    ArgumentMask mask = pinnedArguments(variable.asType());
    if (!mask.isEmpty() || !classFiles.isActive()) {
      return mask;
    }
    return fromClassFile(declaredPaths(variable));
  }

  private static ArgumentMask fromClassFile(List<String> paths) {
    return ClassFileTypeAnnotations.argumentMask(paths);
  }

  /** Whether an enhanced {@code for} over a value of {@code type} yields pinned elements. */
  public boolean iteratesPinned(TypeMirror type, ArgumentMask mask) {
    return (!mask.isEmpty() || pinsThroughSupertypes(type))
        && iterable() != null
        && types.asElement(type) instanceof TypeElement element
        && !translate(element, mask, iterable).isEmpty();
  }

  private TypeElement iterable() {
    if (iterable == null) {
      iterable = elements.getTypeElement("java.lang.Iterable");
    }
    return iterable;
  }

  /** The type arguments of {@code type} written {@code @Pinned}; none for most types. */
  public ArgumentMask pinnedArguments(TypeMirror type) {
    return type == null
        ? ArgumentMask.NONE
        : annotations.pinnedArguments(type);
  }

  /**
   * The mask over {@code to}'s type parameters that {@code mask} over {@code from}'s makes, where
   * {@code to} is {@code from} or one of its supertypes ({@code ArrayList}'s {@code E} is {@code
   * Iterable}'s {@code T}); empty when {@code to} is no supertype.
   */
  public ArgumentMask translate(TypeElement from, ArgumentMask mask, TypeElement to) {
    return clauses.translate(from, mask, to);
  }

  /** The mask of {@code type}'s class that {@code mask} of the value's class {@code from} makes. */
  public ArgumentMask translate(TypeMirror from, ArgumentMask mask, TypeMirror to) {
    Element fromElement = types.asElement(from);
    Element toElement = types.asElement(to);
    if (!(fromElement instanceof TypeElement f) || !(toElement instanceof TypeElement t)) {
      return ArgumentMask.NONE;
    }
    return translate(f, mask, t);
  }

  /**
   * The pin contract of {@code method} called on a receiver whose class {@code receiverClass} has
   * pinned type arguments {@code receiverMask}, with explicit type arguments {@code
   * typeArgumentMask} ({@code List.<@Pinned Task>of(...)}).
   */
  public Signature signature(
      ExecutableElement method,
      TypeElement receiverClass,
      ArgumentMask receiverMask,
      ArgumentMask typeArgumentMask) {
    Element owner = method.getEnclosingElement();
    ArgumentMask ownerMask =
        receiverClass != null && owner instanceof TypeElement ownerType
            ? translate(receiverClass, receiverMask, ownerType)
            : ArgumentMask.NONE;
    return new Signature(method, owner, ownerMask, typeArgumentMask);
  }

  /** What {@code @Pinned} type variables make of one method's parameters and result. */
  public final class Signature {
    private final ExecutableElement method;
    private final Element owner;
    private final ArgumentMask ownerMask;
    private final ArgumentMask typeArgumentMask;

    private Signature(
        ExecutableElement method,
        Element owner,
        ArgumentMask ownerMask,
        ArgumentMask typeArgumentMask) {
      this.method = method;
      this.owner = owner;
      this.ownerMask = ownerMask;
      this.typeArgumentMask = typeArgumentMask;
    }

    /** Whether any type variable of this call is pinned at all. */
    public boolean isPinnedAnywhere() {
      return !ownerMask.isEmpty() || !typeArgumentMask.isEmpty();
    }

    /** Whether the result is a pinned value ({@code get}, {@code poll}, {@code next}). */
    public boolean returnsPinned() {
      return isPinnedVariable(method.getReturnType());
    }

    /** The pinned type arguments of the result ({@code values()}, {@code iterator()}, streams). */
    public ArgumentMask returnElements() {
      return pinnedVariables(method.getReturnType());
    }

    /** Whether the result is an array holding pinned elements ({@code toArray}). */
    public boolean returnsArrayOfElements() {
      return method.getReturnType().getKind() == TypeKind.ARRAY && !ownerMask.isEmpty();
    }

    /** Whether parameter {@code i} takes pinned values ({@code add}, {@code put}, {@code set}). */
    public boolean parameterPinned(int i) {
      return isPinnedVariable(parameterType(i));
    }

    /** The pinned type arguments of parameter {@code i} ({@code addAll}, {@code forEach}). */
    public ArgumentMask parameterElements(int i) {
      return pinnedVariables(parameterType(i));
    }

    /** The declared type of parameter {@code i}, the last one for varargs. */
    public TypeMirror parameterType(int i) {
      List<? extends VariableElement> parameters = method.getParameters();
      return parameters.get(Math.min(i, parameters.size() - 1)).asType();
    }

    private ArgumentMask pinnedVariables(TypeMirror type) {
      if (type.getKind() != TypeKind.DECLARED) {
        return ArgumentMask.NONE;
      }
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      ArgumentMask mask = ArgumentMask.NONE;
      for (int i = 0; i < arguments.size() && ArgumentMask.tracks(i); i++) {
        if (isPinnedVariable(arguments.get(i))) {
          mask = mask.with(i);
        }
      }
      return mask;
    }

    private boolean isPinnedVariable(TypeMirror type) {
      if (type.getKind() == TypeKind.WILDCARD) {
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null
                ? wildcard.getExtendsBound()
                : wildcard.getSuperBound();
        return bound != null && isPinnedVariable(bound);
      }
      if (type.getKind() != TypeKind.TYPEVAR) {
        return false;
      }
      Element variable = ((TypeVariable) type).asElement();
      if (variable instanceof TypeParameterElement parameter) {
        Element generic = parameter.getGenericElement();
        if (generic.equals(owner)) {
          return bit(((TypeElement) owner).getTypeParameters(), parameter, ownerMask);
        }
        if (generic.equals(method)) {
          return bit(method.getTypeParameters(), parameter, typeArgumentMask);
        }
      }
      return false;
    }
  }

  private static boolean bit(
      List<? extends TypeParameterElement> parameters,
      TypeParameterElement parameter,
      ArgumentMask mask) {
    return mask.has(parameters.indexOf(parameter));
  }
}
