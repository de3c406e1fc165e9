package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * How pinned type arguments travel from a class to its supertypes (DESIGN.md §4.7), read from the
 * supertype clauses the declarations write: {@code ArrayList}'s {@code E} is {@code Iterable}'s
 * {@code T}, and {@code class RunQueue extends ArrayDeque<@Pinned Task>} pins {@code ArrayDeque}'s
 * {@code E} with no type argument of its own. The clauses are followed one supertype at a time, and
 * a clause read from a class file ({@link ClassFileTypeAnnotations}) counts as one from source, so
 * the answer is the same on every JDK.
 */
final class SupertypeClauses {
  /** In a {@link #mapping}: the type argument is written {@code @Pinned} in a supertype clause. */
  private static final int PINNED_IN_CLAUSE = -2;

  /** In a {@link #mapping}: the type argument is neither a parameter of the class nor pinned. */
  private static final int UNRELATED = -1;

  private final PinAnnotations annotations;
  private final ClassFileTypeAnnotations classFiles;
  private final Map<TypeElement, Map<TypeElement, int[]>> mappings = new HashMap<>();
  private final Map<TypeElement, Boolean> pinnedClauses = new HashMap<>();

  /**
   * One supertype clause as a declaration writes it.
   *
   * @param classFileIndex the clause's index in the class file: -1 for the superclass, else the
   *     interface's index in {@code getInterfaces()}
   */
  private record Clause(DeclaredType type, int classFileIndex) {}

  SupertypeClauses(PinAnnotations annotations, ClassFileTypeAnnotations classFiles) {
    this.annotations = annotations;
    this.classFiles = classFiles;
  }

  /**
   * Whether a supertype clause of {@code type} or of one of its supertypes writes a type argument
   * {@code @Pinned}: then its values are pinned containers with no type argument of their own.
   * Cached; JDK types have none.
   */
  boolean pinThroughSupertypes(TypeElement type) {
    Boolean known = pinnedClauses.get(type);
    if (known == null) {
      pinnedClauses.put(type, false); // cycles in erroneous hierarchies end here
      known = !classFiles.isJdk(type) && findPinnedClause(type);
      pinnedClauses.put(type, known);
    }
    return known;
  }

  private boolean findPinnedClause(TypeElement type) {
    for (Clause clause : clauses(type)) {
      if (!writtenPinned(clause).isEmpty()
          || !classFileMask(type, clause).isEmpty()
          || (clause.type().asElement() instanceof TypeElement supertype
              && pinThroughSupertypes(supertype))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mask over {@code to}'s type parameters that {@code mask} over {@code from}'s makes, where
   * {@code to} is {@code from} or one of its supertypes; empty when {@code to} is no supertype.
   */
  ArgumentMask translate(TypeElement from, ArgumentMask mask, TypeElement to) {
    if (from.equals(to)) {
      return mask;
    }
    int[] sources = mapping(from, to);
    ArgumentMask result = ArgumentMask.NONE;
    for (int j = 0; j < sources.length; j++) {
      if (sources[j] == PINNED_IN_CLAUSE || mask.has(sources[j])) {
        result = result.with(j);
      }
    }
    return result;
  }

  /**
   * The index of {@code from}'s type parameter that type parameter {@code parameter} of its
   * supertype {@code to} is, or -1 where it is none ({@code to} is no supertype, or a clause on the
   * way writes a type of its own there).
   */
  int parameterOf(TypeElement from, TypeElement to, int parameter) {
    int[] sources = mapping(from, to);
    return parameter < 0 || parameter >= sources.length || sources[parameter] < 0
        ? UNRELATED
        : sources[parameter];
  }

  /**
   * For each type parameter of {@code to}, the index of {@code from}'s parameter it is, {@link
   * #PINNED_IN_CLAUSE} where a supertype clause on the way writes it {@code @Pinned}, or {@link
   * #UNRELATED}. Cached per pair.
   */
  private int[] mapping(TypeElement from, TypeElement to) {
    Map<TypeElement, int[]> fromHere = mappings.get(from);
    if (fromHere == null) {
      fromHere = new HashMap<>();
      mappings.put(from, fromHere);
    }
    int[] mapping = fromHere.get(to);
    if (mapping == null) {
      mapping = findMapping(from, to);
      fromHere.put(to, mapping);
    }
    return mapping;
  }

  private int[] findMapping(TypeElement from, TypeElement to) {
    Map<TypeElement, int[]> codes = new HashMap<>();
    codes.put(from, identity(from));
    Deque<TypeElement> work = new ArrayDeque<>();
    work.add(from);
    while (!work.isEmpty()) {
      TypeElement next = work.poll();
      if (next.equals(to)) {
        return codes.get(next);
      }
      for (Clause clause : clauses(next)) {
        if (!(clause.type().asElement() instanceof TypeElement supertype)
            || codes.containsKey(supertype)) {
          continue;
        }
        codes.put(supertype, clauseCodes(next, codes.get(next), clause));
        work.add(supertype);
      }
    }
    return new int[0];
  }

  private static int[] identity(TypeElement type) {
    int[] identity = new int[type.getTypeParameters().size()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return identity;
  }

  /** What each type argument of one supertype clause of {@code type} is, in {@link #mapping}. */
  private int[] clauseCodes(TypeElement type, int[] typeCodes, Clause clause) {
    List<? extends TypeMirror> arguments = clause.type().getTypeArguments();
    ArgumentMask pinned = writtenPinned(clause).union(classFileMask(type, clause));
    List<? extends TypeParameterElement> parameters = type.getTypeParameters();
    int[] codes = new int[arguments.size()];
    for (int j = 0; j < codes.length; j++) {
      TypeMirror argument = arguments.get(j);
      codes[j] = UNRELATED;
      if (pinned.has(j)) {
        // Pinned whatever it is: a type of its own, or a parameter (Queue<T> extends
        // ArrayDeque<@Pinned T> pins the elements of every Queue<X>).
        codes[j] = PINNED_IN_CLAUSE;
      } else if (argument.getKind() == TypeKind.TYPEVAR) {
        int k = parameters.indexOf(((TypeVariable) argument).asElement());
        codes[j] = k >= 0 && k < typeCodes.length ? typeCodes[k] : UNRELATED;
      }
    }
    return codes;
  }

  /** The type arguments of {@code clause} written {@code @Pinned}, as javac shows them. */
  private ArgumentMask writtenPinned(Clause clause) {
    return annotations.pinnedArguments(clause.type());
  }

  /** The type arguments of {@code clause} its class file writes {@code @Pinned}. */
  private ArgumentMask classFileMask(TypeElement type, Clause clause) {
    return classFiles.isActive() && !clause.type().getTypeArguments().isEmpty() // else none to read
        ? ClassFileTypeAnnotations.argumentMask(
            classFiles.supertypePinnedPaths(type, clause.classFileIndex()))
        : ArgumentMask.NONE;
  }

  /** The supertype clauses {@code type} declares that name a class, the superclass first. */
  private static List<Clause> clauses(TypeElement type) {
    List<? extends TypeMirror> interfaces = type.getInterfaces();
    List<Clause> clauses = new ArrayList<>(interfaces.size() + 1);
    if (type.getSuperclass().getKind() == TypeKind.DECLARED) {
      clauses.add(new Clause((DeclaredType) type.getSuperclass(), -1));
    }
    for (int i = 0; i < interfaces.size(); i++) {
      if (interfaces.get(i) instanceof DeclaredType clause) {
        clauses.add(new Clause(clause, i));
      }
    }
    return clauses;
  }
}
