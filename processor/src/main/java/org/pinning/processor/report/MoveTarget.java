package org.pinning.processor.report;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Where a pinned value would move (DESIGN.md §4.1), worded for the diagnostic: the place it moves
 * into and the fix for that kind of place.
 *
 * @param where the unpinned place, e.g. {@code unpinned field 'Monitor.last'}
 * @param help the fix
 * @param library whether the place is a parameter of a method read from a class file, whose type
 *     arguments a {@code -proc:none} build on JDK 17 cannot read
 */
public record MoveTarget(String where, String help, boolean library) {
  public MoveTarget(String where, String help) {
    this(where, help, false);
  }

  private static final String ARRAYS =
      "arrays are never pinned places: keep pinned values in a List<@Pinned T>";

  public static MoveTarget field(VariableElement field, TypeElement context) {
    return new MoveTarget(
        "unpinned field '" + Names.member(field, context) + "'",
        "declare '"
            + field.getSimpleName()
            + "' @Pinned final, or keep the pinned value in a local");
  }

  /** A local whose declared type does not keep the pinned type arguments of its value. */
  public static MoveTarget local(VariableElement local) {
    return new MoveTarget(
        "local '" + local.getSimpleName() + "' of type '" + Names.type(local.asType()) + "'",
        "declare '" + local.getSimpleName() + "' with @Pinned type arguments, or with 'var'");
  }

  public static MoveTarget arrayElement() {
    return new MoveTarget("an array element", ARRAYS);
  }

  public static MoveTarget arrayInitializer() {
    return new MoveTarget("an array initializer", ARRAYS);
  }

  /**
   * An argument for an unpinned parameter. {@code fromSource} says whether the user can annotate
   * the method; a library method can only be declared borrowing with {@code -Apin.borrowing}.
   */
  public static MoveTarget parameter(
      VariableElement parameter, ExecutableElement method, boolean fromSource) {
    String name = parameter.getSimpleName().toString();
    // Class files compiled without -parameters name them arg0, arg1...
    boolean named = !name.matches("arg[0-9]+");
    String where =
        (named ? "unpinned parameter '" + name + "'" : "an unpinned parameter")
            + " of '"
            + Names.qualifiedMethod(method)
            + "'";
    if (fromSource) {
      return new MoveTarget(
          where,
          "declare "
              + (named ? "parameter '" + name + "'" : "the parameter")
              + " @Pinned if '"
              + Names.method(method)
              + "' only borrows it");
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (isTypeVariableOf(parameter, owner)) {
      // add(E), put(K, V), offer(E): a container that keeps what it is given.
      return new MoveTarget(
          where, "give the container a @Pinned type argument, as 'List<@Pinned Task>'", true);
    }
    return new MoveTarget(
        where,
        "if '"
            + Names.method(method)
            + "' neither keeps nor moves it, declare it borrowing:"
            + " -Apin.borrowing="
            + owner.getQualifiedName()
            + "#"
            + method.getSimpleName(),
        true);
  }

  private static boolean isTypeVariableOf(VariableElement parameter, TypeElement owner) {
    return parameter.asType() instanceof javax.lang.model.type.TypeVariable variable
        && variable.asElement() instanceof javax.lang.model.element.TypeParameterElement declared
        && declared.getGenericElement().equals(owner);
  }

  public static MoveTarget returned(ExecutableElement method) {
    return new MoveTarget(
        "the return value of '" + Names.method(method) + "', which is not @Pinned",
        "declare '" + Names.method(method) + "' @Pinned to return a pinned reference");
  }

  public static MoveTarget lambdaReturn() {
    return new MoveTarget(
        "the return value of a lambda",
        "use the pinned value inside the lambda rather than returning it");
  }

  public static MoveTarget methodReference(String reference) {
    return new MoveTarget(
        "the result of method reference '" + reference + "'",
        "call the method where its result is used: a functional interface returns it unpinned");
  }

  public static MoveTarget thrown() {
    return new MoveTarget(
        "a throw", "throw an exception that describes the pinned value, not the value itself");
  }
}
