package org.pinning.processor.flow;

import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the analysis of one top-level class tells the rules: the one interface between them. The
 * analysis decides what each expression holds and where values go; the rules decide which of these
 * events break the discipline. Each event is reported where it happens, in evaluation order.
 *
 * <p>Adding a rule means implementing the events it needs; adding an event means a new kind of
 * construct the analysis recognises.
 */
public interface FlowEvents {

  /** A class, interface, enum or record is declared (nested ones too, each once). */
  void typeDeclared(TypeElement type);

  /** A constructor is declared; {@code path} is its tree, whose annotations javac keeps. */
  void constructorDeclared(TreePath path, ExecutableElement constructor);

  /** A local variable, pattern binding, resource or lambda parameter is declared. */
  void localDeclared(VariableElement local);

  /**
   * A type is written with annotations or type arguments ({@code List<@Pinned Task>}), or javac
   * infers one the source leaves out: a diamond ({@code new Slot<>()}), the type of a {@code var}
   * or of an implicitly typed lambda parameter (trees javac synthesizes), a lambda's type.
   */
  void typeWritten(TreePath type);

  /**
   * A value flows into {@code place}: an assignment, an initializer, an argument, a return, a
   * throw. Reported where something about the value is pinned ({@code pin}: the value itself, or
   * the elements of a container it is), whether the place keeps the pin or not.
   */
  void flowsInto(TreePath value, Pin pin, Place place);

  /**
   * A value the method does not own is pinned here (DESIGN.md §4.9): stored into a pinned place,
   * passed to a pinned parameter, returned from a {@code @Pinned} method, or the receiver of a
   * method with a pinned receiver. {@code type} is the value's static type; {@code origin} says
   * what still holds it. From here on the analysis counts it as pinned.
   */
  void pinsUnowned(TreePath value, TypeMirror type, Origin origin);

  /** {@code method} is called; {@code enclosing} is the class whose code calls it. */
  void called(TreePath call, ExecutableElement method, TypeElement enclosing);
}
