package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What {@code @Pinned} on a member says (DESIGN.md §2, §4.10), from {@code javax.lang.model} alone so
 * that the rules ask the same under javac and ECJ:
 *
 * <pre>{@code
 * @Pinned final Buffer buffer;              // structurally pinned: pins its owner (§2 rule 3)
 * @Pinned Task next;                        // a pinned slot: reassignable, does not pin its owner
 * void poll(@Pinned Task this, Waker w)     // a pinned receiver: callers pin, inside 'this' is owned
 * @Pinned Task(Executor e)                  // pinned from birth: 'new Task(e)' is pinned
 * }</pre>
 *
 * <p>Reading either kind of {@code @Pinned} field is a read of a pinned place. Answers that walk
 * more than one element are cached for the compilation: the flow rules ask them at every call and
 * every {@code new}.
 */
public final class MemberPins {
  private final PinModel model;
  private final PinAnnotations annotations;
  private final Elements elements;
  private final Map<ExecutableElement, Boolean> pinnedReceivers = new HashMap<>();
  private final Map<TypeElement, Set<Name>> inheritedReceiverNames = new HashMap<>();
  private final Map<TypeElement, Boolean> bornPinned = new HashMap<>();

  MemberPins(PinModel model, Elements elements) {
    this.model = model;
    this.annotations = model.annotations();
    this.elements = elements;
  }

  /** Whether {@code field} is {@code @Pinned}: reading it yields a pinned value (§2). */
  public boolean isPinnedField(VariableElement field) {
    return field.getKind() == ElementKind.FIELD && annotations.hasPinned(field);
  }

  /**
   * Whether {@code field} is structurally pinned, {@code @Pinned final} (pin-project's {@code
   * #[pin]}): pinned for the life of its object. Only these make their owner a pinned type.
   */
  public boolean isStructurallyPinned(VariableElement field) {
    return isPinnedField(field) && field.getModifiers().contains(Modifier.FINAL);
  }

  /**
   * Whether {@code field} is a pinned slot, {@code @Pinned} and not final (Rust's {@code
   * Pin<Box<T>>} field): it may be given another pinned value, and storing into it pins.
   */
  public boolean isPinnedSlot(VariableElement field) {
    return isPinnedField(field) && !field.getModifiers().contains(Modifier.FINAL);
  }

  /**
   * Whether {@code method} itself declares a pinned receiver, {@code void poll(@Pinned Task this)}.
   * The receiver's {@code @Pinned} is a type annotation: javac shows it on members read from class
   * files only from JDK 22 on, and before that the model reads it from the class file.
   */
  public boolean declaresPinnedReceiver(ExecutableElement method) {
    if (method.getKind() != ElementKind.METHOD) {
      return false;
    }
    TypeMirror receiver = method.getReceiverType();
    return (receiver != null
            && receiver.getKind() == TypeKind.DECLARED
            && annotations.hasPinned(receiver))
        || model.hasClassFilePinnedReceiver(method);
  }

  /**
   * Whether {@code method}'s receiver is pinned (§4.10): it declares a pinned receiver, or overrides
   * a method that does. An interface's {@code poll(@Pinned Future this)} gives every implementation
   * a pinned {@code this}, whether its class is pinned or not.
   */
  public boolean hasPinnedReceiver(ExecutableElement method) {
    if (declaresPinnedReceiver(method)) {
      return true;
    }
    if (method.getKind() != ElementKind.METHOD
        || method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !model.hasPinContracts(owner)) {
      return false; // nothing above declares a pinned receiver: the common case, no cache entry
    }
    if (!inheritedReceiverNames(owner).contains(method.getSimpleName())) {
      return false; // no supertype has a pinned-receiver method of this name: no walk, no entry
    }
    Boolean known = pinnedReceivers.get(method);
    if (known == null) {
      known = overridesPinnedReceiver(method, owner);
      pinnedReceivers.put(method, known);
    }
    return known;
  }

  /**
   * The names of the methods that declare a pinned receiver in the proper supertypes of {@code
   * type}, however far up: a method can inherit a pinned receiver only by one of these names, so
   * that most methods of a type with pin contracts are answered by one lookup. Computed once per
   * type.
   */
  private Set<Name> inheritedReceiverNames(TypeElement type) {
    Set<Name> known = inheritedReceiverNames.get(type);
    if (known != null) {
      return known;
    }
    inheritedReceiverNames.put(type, Set.of()); // cycles in erroneous hierarchies end here
    Set<Name> names = new HashSet<>();
    for (TypeMirror supertype : model.directSupertypes(type)) {
      if (model.types().asElement(supertype) instanceof TypeElement element
          && model.hasPinContracts(element)) {
        names.addAll(inheritedReceiverNames(element));
        for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
          if (declaresPinnedReceiver(method)) {
            names.add(method.getSimpleName());
          }
        }
      }
    }
    Set<Name> result = names.isEmpty() ? Set.of() : names;
    inheritedReceiverNames.put(type, result);
    return result;
  }

  /**
   * Whether the signature of {@code method} writes {@code @Pinned} anywhere: on the method (its
   * return, or a constructor pinned from birth), its receiver, a parameter, a type parameter, or a
   * type argument of its return ({@code List<@Pinned Task> tasks()}). Without one, a method says
   * nothing of pins itself; only the types it overrides can.
   */
  public boolean writesPins(ExecutableElement method) {
    if (annotations.hasPinned(method)) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (annotations.hasPinned(parameter)) {
        return true;
      }
    }
    if (declaresPinnedReceiver(method)
        || !model.containers().pinnedArguments(method.getReturnType()).isEmpty()) {
      return true;
    }
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      if (annotations.hasPinned(parameter)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code constructor} is annotated {@code @Pinned}: every object it makes is pinned. */
  public boolean isPinnedFromBirth(ExecutableElement constructor) {
    return constructor.getKind() == ElementKind.CONSTRUCTOR && annotations.hasPinned(constructor);
  }

  /**
   * Whether every constructor of {@code type} is {@code @Pinned} (at least one is declared): then
   * it has only pinned instances, and {@code this} is pinned and owned in all its instance methods.
   * An implicit default constructor is not {@code @Pinned}.
   */
  public boolean hasOnlyPinnedConstructors(TypeElement type) {
    Boolean known = bornPinned.get(type);
    if (known == null) {
      known = allConstructorsPinned(type);
      bornPinned.put(type, known);
    }
    return known;
  }

  private boolean allConstructorsPinned(TypeElement type) {
    if (!type.getKind().isClass() || model.isJdkType(type)) {
      return false;
    }
    boolean any = false;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!isPinnedFromBirth(constructor)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private boolean overridesPinnedReceiver(ExecutableElement method, TypeElement owner) {
    Deque<TypeElement> work = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    addSupertypes(owner, work);
    while (!work.isEmpty()) {
      TypeElement supertype = work.poll();
      if (!seen.add(supertype) || !model.hasPinContracts(supertype)) {
        continue;
      }
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (candidate.getSimpleName().equals(method.getSimpleName())
            && declaresPinnedReceiver(candidate)
            && elements.overrides(method, candidate, owner)) {
          return true;
        }
      }
      addSupertypes(supertype, work);
    }
    return false;
  }

  private void addSupertypes(TypeElement type, Deque<TypeElement> work) {
    for (TypeMirror supertype : model.directSupertypes(type)) {
      Element element = model.types().asElement(supertype);
      if (element instanceof TypeElement typeElement) {
        work.add(typeElement);
      }
    }
  }
}
