package org.pinning.processor.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Names;
import org.pinning.processor.report.Site;

/**
 * {@code pin:override} (DESIGN.md §4.6): an override that changes the pin contract of the method
 * it overrides: drops or adds {@code @Pinned} on a parameter or the receiver, or adds it to the
 * return or to the return type's type arguments. Signatures are compared after substituting the
 * supertype's type arguments. It also tells the move rule why a return may not be pinned, and what
 * would allow it ({@link #unpinnedReturn}).
 *
 * <pre>{@code
 * interface Sink { void accept(@Pinned Task task); }
 * class Log implements Sink { public void accept(Task task) {} }          // rejected
 * class Log implements Sink { public void accept(@Pinned Task task) {} }  // fine
 * class It implements Iterator<@Pinned Task> { public @Pinned Task next() {...} }  // fine
 * class Keep { public boolean equals(@Pinned Object o) {...} }            // rejected: adds a pin
 * class M extends AbstractMap<K, Task> {
 *   public Set<Map.@Pinned Entry<K, Task>> entrySet() {...} }             // rejected: Map's callers
 * interface Future { boolean poll(@Pinned Future this); }
 * class Sleep implements Future { public boolean poll() {...} }           // rejected: drops it
 * }</pre>
 *
 * <p>A receiver of a known-Unpin class is never pinned, so there it may differ either way.
 */
public final class OverrideRule {
  private final PinModel model;
  private final PinAnnotations annotations;
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, Map<Name, List<ExecutableElement>>> methodsByName =
      new HashMap<>();

  private final Map<TypeElement, Set<Name>> inheritedNames = new HashMap<>();
  private final Sources sources;

  public OverrideRule(PinModel model, Elements elements, Sources sources) {
    this.model = model;
    this.annotations = model.annotations();
    this.elements = elements;
    this.types = model.types();
    this.sources = sources;
  }

  /**
   * Why {@code method} may not return {@code @Pinned}: the method it overrides whose return is not
   * pinned, and the fix DESIGN.md §4.6/§4.7 allows. {@code clause} is the supertype clause of
   * {@code clauseOwner} whose {@code @Pinned} type argument would pin that return, as it should be
   * written ({@code implements Iterator<Map.@Pinned Entry<K, V>>}), or null where no clause of the
   * sources can: the overridden signature fixes the return ({@code Map.entrySet()}), and where that
   * is a class file's, nothing here can change it ({@code overriddenFromSource} false).
   */
  public record UnpinnedReturn(
      ExecutableElement overridden,
      TypeElement clauseOwner,
      String clause,
      boolean overriddenFromSource) {}

  /**
   * The overridden method that keeps {@code method} of {@code type} from returning {@code @Pinned}
   * (or pinned elements), or null where it may. Asked only where a move into its return is
   * reported, for the help line.
   */
  public UnpinnedReturn unpinnedReturn(TypeElement type, ExecutableElement method) {
    if (method.getKind() != ElementKind.METHOD
        || method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)) {
      return null;
    }
    DeclaredType self = (DeclaredType) type.asType();
    UnpinnedReturn first = null;
    for (ExecutableElement overridden : overriddenBy(type, method, Branches.EVERY)) {
      if (returnWasPinned(type, overridden, asMemberOf(self, overridden))) {
        continue;
      }
      UnpinnedReturn why = unpinnedReturnOf(type, overridden);
      if (why.clause() == null && !why.overriddenFromSource()) {
        return why; // a class file's signature: nothing the others allow would change that
      }
      if (first == null || (first.clause() == null && why.clause() != null)) {
        first = why;
      }
    }
    return first;
  }

  private UnpinnedReturn unpinnedReturnOf(TypeElement type, ExecutableElement overridden) {
    TypeElement owner = (TypeElement) overridden.getEnclosingElement();
    int variable = returnedVariable(overridden.getReturnType(), owner);
    Binding binding = variable < 0 ? null : binding(type, owner, variable, new HashSet<>());
    return new UnpinnedReturn(
        overridden,
        binding == null ? null : binding.owner(),
        binding == null
            ? null
            : Names.clauseWithPinnedArgument(
                binding.owner(), binding.clause(), binding.argument()),
        sources.isFromSource(owner));
  }

  /** Argument {@code argument} of {@code clause}, written by {@code owner}, binds the variable. */
  private record Binding(TypeElement owner, DeclaredType clause, int argument) {}

  /**
   * The index of the type parameter of {@code owner} that {@code returned} is ({@code E next()}),
   * or that its first type argument is ({@code Iterator<E> iterator()}); -1 for none.
   */
  private static int returnedVariable(TypeMirror returned, TypeElement owner) {
    int index = variableIndex(returned, owner);
    if (index >= 0 || returned.getKind() != TypeKind.DECLARED) {
      return index;
    }
    for (TypeMirror argument : ((DeclaredType) returned).getTypeArguments()) {
      TypeMirror bound =
          argument.getKind() == TypeKind.WILDCARD
              ? ((WildcardType) argument).getExtendsBound()
              : argument;
      index = bound == null ? -1 : variableIndex(bound, owner);
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }

  private static int variableIndex(TypeMirror type, TypeElement owner) {
    return type.getKind() == TypeKind.TYPEVAR
        ? owner
            .getTypeParameters()
            .indexOf(((TypeVariable) type).asElement())
        : -1;
  }

  /**
   * The supertype clause, of {@code from} or of a source supertype of it, whose type argument
   * binds type parameter {@code variable} of {@code owner}; null where a class file binds it.
   */
  private Binding binding(
      TypeElement from, TypeElement owner, int variable, Set<TypeElement> seen) {
    if (!seen.add(from)) {
      return null;
    }
    for (TypeMirror written : model.directSupertypes(from)) {
      if (!(written instanceof DeclaredType clause)
          || !(clause.asElement() instanceof TypeElement supertype)
          || !types.isSubtype(types.erasure(supertype.asType()), types.erasure(owner.asType()))) {
        continue;
      }
      for (int j = 0; j < clause.getTypeArguments().size(); j++) {
        if (model
            .containers()
            .translate(supertype, ArgumentMask.NONE.with(j), owner)
            .has(variable)) {
          return new Binding(from, clause, j);
        }
      }
      Binding above =
          sources.isFromSource(supertype) ? binding(supertype, owner, variable, seen) : null;
      if (above != null) {
        return above;
      }
    }
    return null;
  }

  /** The first weakening of an overridden contract by {@code method} of {@code type}, or null. */
  public Finding check(TypeElement type, ExecutableElement method) {
    if (method.getKind() != ElementKind.METHOD
        || !inheritedMethodNames(type).contains(method.getSimpleName())) {
      return null; // most methods override nothing: one lookup decides it
    }
    Branches branches = branchesToSearch(type, method);
    if (branches == Branches.NONE) {
      return null; // nothing above could be changed: the common case, decided cheaply
    }
    Set<Modifier> modifiers = method.getModifiers(); // a new set each time: asked once
    if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
      return null;
    }
    DeclaredType self = (DeclaredType) type.asType();
    for (ExecutableElement overridden : overriddenBy(type, method, branches)) {
      ExecutableType seen = asMemberOf(self, overridden);
      Finding finding = compare(type, method, overridden, seen);
      if (finding == null && !model.isKnownUnpin(type.asType())) {
        finding = compareReceivers(method, overridden);
      }
      if (finding != null) {
        return finding;
      }
    }
    return null;
  }

  /** The branches of a type's supertypes that can hold a contract an override could change. */
  private enum Branches {
    /** Every branch: the override adds a pin, or pinned type arguments are in play. */
    EVERY,
    /** Only the branches with pin contracts, which alone can hold a contract to weaken. */
    WITH_PIN_CONTRACTS,
    NONE
  }

  private Branches branchesToSearch(TypeElement type, ExecutableElement method) {
    // An added pin changes any overridden method's contract.
    if (annotations.hasPinned(method)
        || declaresPinnedInputs(method)
        || !model.containers().pinnedArguments(method.getReturnType()).isEmpty()
        || model.containers().pinsThroughSupertypes(type)) {
      return Branches.EVERY;
    }
    return model.hasPinContracts(type) ? Branches.WITH_PIN_CONTRACTS : Branches.NONE;
  }

  private Finding compare(
      TypeElement type,
      ExecutableElement method,
      ExecutableElement overridden,
      ExecutableType seen) {
    List<? extends VariableElement> parameters = method.getParameters();
    List<? extends VariableElement> overriddenParameters = overridden.getParameters();
    for (int i = 0; i < parameters.size() && i < overriddenParameters.size(); i++) {
      boolean wasPinned =
          annotations.hasPinned(overriddenParameters.get(i))
              || (seen != null
                  && pinnedBySubstitution(
                      overriddenParameters.get(i).asType(), seen.getParameterTypes().get(i)))
              || model
                  .containers()
                  .isPinnedThroughSupertypes(type, overriddenParameters.get(i).asType());
      VariableElement parameter = parameters.get(i);
      boolean isPinned = annotations.hasPinned(parameter);
      if (wasPinned && !isPinned && !model.isKnownUnpin(parameter.asType())) {
        // A known-Unpin argument is never pinned (§4.7): Handler<String>'s handle(String)
        // keeps the contract of handle(@Pinned T), and @Pinned there would only be useless.
        return Messages.overrideDropsPinnedParameter(
            Site.of(method), method, parameter, overridden);
      }
      if (isPinned && !wasPinned && !model.isKnownUnpin(parameter.asType())) {
        // Callers through the overridden method still hold the value movable (a borrowing
        // method's too: a borrow does not pin); pinning a known-Unpin value is only useless.
        return Messages.overrideAddsPinnedParameter(
            Site.of(method), method, parameter, overridden);
      }
    }
    if (annotations.hasPinned(method) && !returnWasPinned(type, overridden, seen)) {
      UnpinnedReturn why = unpinnedReturn(type, method);
      return why == null
          ? Messages.overrideAddsPinnedReturn(
              Site.of(method), method, overridden, null, null, isFromSource(overridden))
          : Messages.overrideAddsPinnedReturn(
              Site.of(method),
              method,
              why.overridden(),
              why.clauseOwner(),
              why.clause(),
              why.overriddenFromSource());
    }
    if (addsPinnedElements(type, method, overridden)) {
      UnpinnedReturn why = unpinnedReturn(type, method);
      return Messages.overrideAddsPinnedElements(
          Site.of(method),
          method,
          overridden,
          why == null ? null : why.clauseOwner(),
          why == null ? null : why.clause(),
          isFromSource(overridden));
    }
    return null;
  }

  private boolean isFromSource(ExecutableElement method) {
    return sources.isFromSource((TypeElement) method.getEnclosingElement());
  }

  /**
   * Whether the return type of {@code method} pins type arguments that the return of {@code
   * overridden} does not ({@code Set<Map.@Pinned Entry<K, V>> entrySet()} over {@code
   * AbstractMap.entrySet()}): callers through the overridden method would hold the elements
   * unpinned (§4.6, §4.7). A type argument the overridden method returns as a type variable that a
   * supertype clause pins ({@code Iterator<T> iterator()} of {@code Iterable<@Pinned Task>}) keeps
   * them pinned.
   */
  private boolean addsPinnedElements(
      TypeElement type, ExecutableElement method, ExecutableElement overridden) {
    ContainerTypes containers = model.containers();
    ArgumentMask mine = containers.pinnedArguments(method.getReturnType());
    TypeMirror declared = overridden.getReturnType();
    if (mine.isEmpty() || declared.getKind() != TypeKind.DECLARED) {
      return false;
    }
    ArgumentMask allowed = containers.resultArguments(overridden);
    List<? extends TypeMirror> arguments = ((DeclaredType) declared).getTypeArguments();
    for (int i = 0; i < arguments.size(); i++) {
      TypeMirror argument = arguments.get(i);
      if (argument.getKind() == TypeKind.WILDCARD) {
        argument = ((WildcardType) argument).getExtendsBound();
      }
      if (argument != null && containers.isPinnedThroughSupertypes(type, argument)) {
        allowed = allowed.with(i);
      }
    }
    return !containers.translate(method.getReturnType(), mine, declared).isWithin(allowed);
  }

  private boolean returnWasPinned(
      TypeElement type, ExecutableElement overridden, ExecutableType seen) {
    return annotations.hasPinned(overridden)
        || (seen != null && pinnedBySubstitution(overridden.getReturnType(), seen.getReturnType()))
        || model.containers().isPinnedThroughSupertypes(type, overridden.getReturnType());
  }

  /**
   * Whether the supertype's type arguments pin a parameter or return of the overridden method
   * declared {@code declared} and {@code seen} from the subtype: {@code accept(T)} seen from {@code
   * Sink<@Pinned Task>}. Only a type variable is substituted; ECJ's {@code asMemberOf} answers with
   * the overriding method's own annotations, so nothing else is read from it.
   */
  private boolean pinnedBySubstitution(TypeMirror declared, TypeMirror seen) {
    return declared.getKind() == TypeKind.TYPEVAR && annotations.hasPinned(seen);
  }

  /** The receiver is a parameter like the others (§4.10): neither dropped nor added. */
  private Finding compareReceivers(ExecutableElement method, ExecutableElement overridden) {
    boolean wasPinned = model.members().declaresPinnedReceiver(overridden);
    boolean isPinned = model.members().declaresPinnedReceiver(method);
    if (wasPinned && !isPinned) {
      return Messages.overrideDropsPinnedReceiver(Site.of(method), method, overridden);
    }
    if (isPinned && !wasPinned) {
      return Messages.overrideAddsPinnedReceiver(Site.of(method), method, overridden);
    }
    return null;
  }

  /**
   * Whether {@code method} pins a parameter or its receiver: then an override may add a pin to any
   * method it overrides, with or without pin contracts of its own.
   */
  private boolean declaresPinnedInputs(ExecutableElement method) {
    for (VariableElement parameter : method.getParameters()) {
      if (annotations.hasPinned(parameter)) {
        return true;
      }
    }
    return model.members().declaresPinnedReceiver(method);
  }

  private ExecutableType asMemberOf(DeclaredType self, ExecutableElement overridden) {
    try {
      TypeMirror member = types.asMemberOf(self, overridden);
      return member.getKind() == TypeKind.EXECUTABLE ? (ExecutableType) member : null;
    } catch (IllegalArgumentException e) {
      return null; // erroneous hierarchies
    }
  }

  private Set<ExecutableElement> overriddenBy(
      TypeElement type, ExecutableElement method, Branches branches) {
    Set<ExecutableElement> found = new LinkedHashSet<>();
    Deque<TypeElement> work = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    addSupertypes(type, work);
    while (!work.isEmpty()) {
      TypeElement supertype = work.poll();
      if (!seen.add(supertype)
          || (branches == Branches.WITH_PIN_CONTRACTS && !model.hasPinContracts(supertype))) {
        continue;
      }
      for (ExecutableElement candidate : methodsNamed(supertype, method.getSimpleName())) {
        if (candidate.getParameters().size() == method.getParameters().size()
            && elements.overrides(method, candidate, type)) {
          found.add(candidate);
        }
      }
      addSupertypes(supertype, work);
    }
    return found;
  }

  /**
   * The methods {@code type} declares under {@code name}. Indexed once per type: every method of
   * every subclass asks each of its supertypes.
   */
  private List<ExecutableElement> methodsNamed(TypeElement type, Name name) {
    return methodsByName(type).getOrDefault(name, List.of());
  }

  private Map<Name, List<ExecutableElement>> methodsByName(TypeElement type) {
    Map<Name, List<ExecutableElement>> index = methodsByName.get(type);
    if (index == null) {
      index = new HashMap<>();
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        List<ExecutableElement> named = index.get(method.getSimpleName());
        if (named == null) {
          named = new ArrayList<>(1);
          index.put(method.getSimpleName(), named);
        }
        named.add(method);
      }
      methodsByName.put(type, index);
    }
    return index;
  }

  /**
   * The names of the methods the proper supertypes of {@code type} declare, however far up: only a
   * method by one of these names can override one. Computed once per type.
   */
  private Set<Name> inheritedMethodNames(TypeElement type) {
    Set<Name> known = inheritedNames.get(type);
    if (known != null) {
      return known;
    }
    inheritedNames.put(type, Set.of()); // cycles in erroneous hierarchies end here
    Set<Name> names = new HashSet<>();
    for (TypeMirror supertype : model.directSupertypes(type)) {
      if (types.asElement(supertype) instanceof TypeElement element) {
        names.addAll(inheritedMethodNames(element));
        names.addAll(methodsByName(element).keySet());
      }
    }
    inheritedNames.put(type, names);
    return names;
  }

  private void addSupertypes(TypeElement type, Deque<TypeElement> work) {
    for (TypeMirror supertype : model.directSupertypes(type)) {
      Element element = types.asElement(supertype);
      if (element instanceof TypeElement typeElement) {
        work.add(typeElement);
      }
    }
  }
}
