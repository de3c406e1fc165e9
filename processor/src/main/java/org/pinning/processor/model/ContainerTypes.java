package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
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
 */
public final class ContainerTypes {
  private final Types types;
  private final PinAnnotations annotations;
  private final TypeElement iterable;

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
  private final Map<TypeElement, Map<TypeElement, int[]>> translations = new HashMap<>();

  public ContainerTypes(Elements elements, Types types, PinAnnotations annotations) {
    this.types = types;
    this.annotations = annotations;
    this.iterable = elements.getTypeElement("java.lang.Iterable");
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

  /** Whether an enhanced {@code for} over a value of {@code type} yields pinned elements. */
  public boolean iteratesPinned(TypeMirror type, ArgumentMask mask) {
    return !mask.isEmpty()
        && iterable != null
        && types.asElement(type) instanceof TypeElement element
        && !translate(element, mask, iterable).isEmpty();
  }

  /** The type arguments of {@code type} written {@code @Pinned}; none for most types. */
  public ArgumentMask pinnedArguments(TypeMirror type) {
    return type == null ? ArgumentMask.NONE : argumentMask(type, this::isPinnedArgument);
  }

  /** The type arguments of {@code type} that pass {@code test}. */
  private static ArgumentMask argumentMask(
      TypeMirror type, java.util.function.Predicate<TypeMirror> test) {
    if (type.getKind() != TypeKind.DECLARED) {
      return ArgumentMask.NONE;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    ArgumentMask mask = ArgumentMask.NONE;
    for (int i = 0; i < arguments.size() && ArgumentMask.tracks(i); i++) {
      if (test.test(arguments.get(i))) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  /**
   * The mask over {@code to}'s type parameters that {@code mask} over {@code from}'s makes, where
   * {@code to} is {@code from} or one of its supertypes ({@code ArrayList}'s {@code E} is {@code
   * Iterable}'s {@code T}); 0 when {@code to} is no supertype.
   */
  public ArgumentMask translate(TypeElement from, ArgumentMask mask, TypeElement to) {
    if (mask.isEmpty() || from.equals(to)) {
      return from.equals(to) ? mask : ArgumentMask.NONE;
    }
    int[] sources =
        translations
            .computeIfAbsent(from, k -> new HashMap<>())
            .computeIfAbsent(to, k -> mapping(from, to));
    ArgumentMask result = ArgumentMask.NONE;
    for (int j = 0; j < sources.length; j++) {
      if (mask.has(sources[j])) {
        result = result.with(j);
      }
    }
    return result;
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
      List<? extends javax.lang.model.element.VariableElement> parameters = method.getParameters();
      return parameters.get(Math.min(i, parameters.size() - 1)).asType();
    }

    private ArgumentMask pinnedVariables(TypeMirror type) {
      return argumentMask(type, this::isPinnedVariable);
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

  private boolean isPinnedArgument(TypeMirror argument) {
    if (annotations.hasPinned(argument)) {
      return true;
    }
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) argument).getExtendsBound();
      return bound != null && annotations.hasPinned(bound);
    }
    return false;
  }

  /** For each type parameter of {@code to}, the index of {@code from}'s parameter it is, or -1. */
  private int[] mapping(TypeElement from, TypeElement to) {
    DeclaredType path = supertypeOf((DeclaredType) from.asType(), to);
    if (path == null) {
      return new int[0];
    }
    List<? extends TypeMirror> arguments = path.getTypeArguments();
    List<? extends TypeParameterElement> fromParameters = from.getTypeParameters();
    int[] sources = new int[arguments.size()];
    for (int j = 0; j < arguments.size(); j++) {
      sources[j] = -1;
      TypeMirror argument = arguments.get(j);
      if (argument.getKind() == TypeKind.TYPEVAR) {
        sources[j] =
            fromParameters.indexOf((TypeParameterElement) ((TypeVariable) argument).asElement());
      }
    }
    return sources;
  }

  private DeclaredType supertypeOf(DeclaredType start, TypeElement target) {
    Deque<DeclaredType> work = new ArrayDeque<>();
    Set<Element> seen = new HashSet<>();
    work.add(start);
    while (!work.isEmpty()) {
      DeclaredType next = work.poll();
      if (next.asElement().equals(target)) {
        return next;
      }
      if (!seen.add(next.asElement())) {
        continue;
      }
      for (TypeMirror supertype : types.directSupertypes(next)) {
        if (supertype.getKind() == TypeKind.DECLARED) {
          work.add((DeclaredType) supertype);
        }
      }
    }
    return null;
  }
}
