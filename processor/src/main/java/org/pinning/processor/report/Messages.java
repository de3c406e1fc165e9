package org.pinning.processor.report;

import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.LambdaResult;
import org.pinning.processor.flow.Origin;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.flow.Place;

/**
 * Every diagnostic the checker prints: its code, its first line and its {@code help:} line. The one
 * place where wording lives (DESIGN.md §4), so that messages stay consistent.
 */
public final class Messages {
  private static final String NEVER_COPIED = "a pinned value is never copied";

  private Messages() {}

  // pin:misplaced

  public static Finding pinnedPrimitive(Site site, Element element, TypeMirror type) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned on '"
            + element.getSimpleName()
            + "' of primitive type '"
            + Names.type(type)
            + "': a primitive has no identity to pin",
        "remove @Pinned");
  }

  public static Finding pinnedVoidMethod(Site site, ExecutableElement method) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned on method '" + Names.method(method) + "', which returns nothing",
        "remove @Pinned; on a method it pins the returned reference");
  }

  public static Finding pinnedEnumConstant(Site site, VariableElement constant) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned on enum constant '"
            + constant.getSimpleName()
            + "': enum constants are never copied",
        "remove @Pinned, or annotate the enum itself @Pinned");
  }

  public static Finding pinnedAnnotationMember(Site site, ExecutableElement member) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned on annotation member '" + Names.method(member) + "'",
        "remove @Pinned; annotation values are constants");
  }

  public static Finding pinnedTypeParameter(Site site, Element parameter) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned on type parameter '" + parameter.getSimpleName() + "'",
        "pin the places of type '"
            + parameter.getSimpleName()
            + "' (fields, parameters, type arguments) instead; @Unpin on a type parameter bounds"
            + " it");
  }

  /** {@code where} says what the annotated type is part of: "a cast", "an array dimension"... */
  public static Finding pinnedTypeUse(Site site, String where) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned in " + where + ": it pins places, not the types of expressions",
        "put @Pinned on the declaration, or on a type argument as in 'List<@Pinned Task>'");
  }

  /**
   * {@code @Pinned Map.Entry<K, V>} annotates {@code Map}: {@code spelled} is the type written the
   * Java way, {@code Map.@Pinned Entry<K, V>}.
   */
  public static Finding pinnedQualifier(
      Site site, String qualified, String qualifier, String spelled) {
    return new Finding(
        Code.MISPLACED,
        site,
        "@Pinned before the qualified name '"
            + qualified
            + "' annotates its qualifier '"
            + qualifier
            + "', not the type",
        "write it before the simple name: '" + spelled + "'");
  }

  public static Finding projectionNameTaken(Site site, TypeElement nested, String projection) {
    return new Finding(
        Code.MISPLACED,
        site,
        "the projection of '"
            + Names.type(nested)
            + "' would be named '"
            + projection
            + "', which the projection of a top-level class takes",
        "rename '" + nested.getSimpleName() + "' or the top-level class");
  }

  // pin:unpin

  public static Finding pinnedAndUnpin(Site site, Element element) {
    return new Finding(
        Code.UNPIN,
        site,
        "'" + element.getSimpleName() + "' is declared both @Pinned and @Unpin",
        "keep @Pinned if its identity matters, @Unpin if it may be moved");
  }

  public static Finding unpinTypeWithPinnedSupertype(
      Site site, TypeElement type, TypeElement supertype) {
    return new Finding(
        Code.UNPIN,
        site,
        "@Unpin type '"
            + Names.type(type)
            + "' is pinned: it extends pinned type '"
            + Names.type(supertype)
            + "'",
        "remove @Unpin; every subtype of a pinned type is pinned");
  }

  public static Finding unpinTypeWithPinnedField(
      Site site, TypeElement type, VariableElement field) {
    return new Finding(
        Code.UNPIN,
        site,
        "@Unpin type '"
            + Names.type(type)
            + "' is pinned by its @Pinned field '"
            + field.getSimpleName()
            + "'",
        "remove @Unpin, or make '" + field.getSimpleName() + "' @Unpin instead of @Pinned");
  }

  public static Finding pinnedTypeWithUnpinSupertype(
      Site site, TypeElement type, TypeElement unpinSupertype) {
    return new Finding(
        Code.UNPIN,
        site,
        "pinned type '"
            + Names.type(type)
            + "' extends @Unpin type '"
            + Names.type(unpinSupertype)
            + "'",
        "an @Unpin type promises that no subtype is pinned: unpin '"
            + Names.type(type)
            + "' or remove @Unpin from '"
            + Names.type(unpinSupertype)
            + "'");
  }

  public static Finding pinnedArgumentForUnpinParameter(
      Site site, TypeMirror argument, Element parameter, TypeElement generic) {
    return pinnedArgumentForUnpin(site, argument, parameter, Names.type(generic));
  }

  /** {@code Use.<Task>identity(x)}, where {@code identity} declares {@code <@Unpin T>}. */
  public static Finding pinnedArgumentForUnpinMethodParameter(
      Site site, TypeMirror argument, Element parameter, ExecutableElement generic) {
    return pinnedArgumentForUnpin(site, argument, parameter, Names.qualifiedMethod(generic));
  }

  /** A pinned type argument for an {@code @Unpin} type parameter of the class or method named. */
  private static Finding pinnedArgumentForUnpin(
      Site site, TypeMirror argument, Element parameter, String generic) {
    return new Finding(
        Code.UNPIN,
        site,
        "pinned type '"
            + Names.type(argument)
            + "' for @Unpin type parameter '"
            + parameter.getSimpleName()
            + "' of '"
            + generic
            + "'",
        "'"
            + generic
            + "' may move its '"
            + parameter.getSimpleName()
            + "' values: use an unpinned type argument");
  }

  // pin:copy

  public static Finding cloneableType(Site site, TypeElement type) {
    return new Finding(
        Code.COPY,
        site,
        "pinned type '" + Names.type(type) + "' is Cloneable: clone() would copy it",
        "remove Cloneable; " + NEVER_COPIED + ", share the reference instead");
  }

  public static Finding declaresClone(Site site, TypeElement type) {
    return new Finding(
        Code.COPY,
        site,
        "pinned type '" + Names.type(type) + "' declares clone()",
        "remove clone(); " + NEVER_COPIED + ", share the reference instead");
  }

  public static Finding inheritsPublicClone(Site site, TypeElement type, ExecutableElement clone) {
    return new Finding(
        Code.COPY,
        site,
        "pinned type '"
            + Names.type(type)
            + "' inherits public '"
            + Names.qualifiedMethod(clone)
            + "', which copies it",
        "extend a type without a public clone(); " + NEVER_COPIED);
  }

  public static Finding serializableType(Site site, TypeElement type, String interfaceName) {
    return new Finding(
        Code.COPY,
        site,
        "pinned type '"
            + Names.type(type)
            + "' is "
            + interfaceName
            + ": deserializing it makes a second copy",
        "remove " + interfaceName + "; serialize an unpinned snapshot of its state instead");
  }

  public static Finding pinnedRecord(Site site, TypeElement record) {
    return new Finding(
        Code.COPY,
        site,
        "pinned type '" + Names.type(record) + "' is a record: records are values, copied freely",
        "make '" + record.getSimpleName() + "' a final class");
  }

  public static Finding pinnedRecordComponent(Site site, Element component, TypeElement record) {
    return new Finding(
        Code.COPY,
        site,
        "record component '"
            + component.getSimpleName()
            + "' of '"
            + Names.type(record)
            + "' is @Pinned: records are copied through their components",
        "make '" + record.getSimpleName() + "' a final class with a @Pinned final field");
  }

  public static Finding copyConstructor(Site site, ExecutableElement constructor) {
    return new Finding(
        Code.COPY,
        site,
        "constructor '"
            + Names.method(constructor)
            + "' copies pinned type '"
            + constructor.getEnclosingElement().getSimpleName()
            + "'",
        "remove the copy constructor; " + NEVER_COPIED);
  }

  // pin:override

  public static Finding overrideDropsPinnedParameter(
      Site site,
      ExecutableElement method,
      VariableElement parameter,
      ExecutableElement overridden) {
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' drops @Pinned from parameter '"
            + parameter.getSimpleName()
            + "' of overridden '"
            + Names.qualifiedMethod(overridden)
            + "'",
        "declare parameter '"
            + parameter.getSimpleName()
            + "' @Pinned: callers lend the value pinned");
  }

  public static Finding overrideAddsPinnedParameter(
      Site site,
      ExecutableElement method,
      VariableElement parameter,
      ExecutableElement overridden) {
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' adds @Pinned to parameter '"
            + parameter.getSimpleName()
            + "', which overridden '"
            + Names.qualifiedMethod(overridden)
            + "' does not pin",
        "remove @Pinned from '"
            + parameter.getSimpleName()
            + "': callers of '"
            + Names.qualifiedMethod(overridden)
            + "' still hold the value movable");
  }

  public static Finding overrideDropsPinnedReceiver(
      Site site, ExecutableElement method, ExecutableElement overridden) {
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' drops the pinned receiver of overridden '"
            + Names.qualifiedMethod(overridden)
            + "'",
        "declare a pinned receiver, as '"
            + Names.withPinnedReceiver(method)
            + "': callers pin the value first");
  }

  public static Finding overrideAddsPinnedReceiver(
      Site site, ExecutableElement method, ExecutableElement overridden) {
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' declares a pinned receiver, but overridden '"
            + Names.qualifiedMethod(overridden)
            + "' does not",
        "remove @Pinned from the receiver: callers of '"
            + Names.qualifiedMethod(overridden)
            + "' do not pin the value first");
  }

  /**
   * An override adds {@code @Pinned} to its return. The fix besides removing it: where {@code
   * clause} is given, the supertype clause of {@code clauseOwner} pinning the type argument the
   * overridden method returns (§4.6); else annotating the overridden method, which only a method
   * of the sources allows.
   */
  public static Finding overrideAddsPinnedReturn(
      Site site,
      ExecutableElement method,
      ExecutableElement overridden,
      TypeElement clauseOwner,
      String clause,
      boolean overriddenFromSource) {
    String help =
        addedPinHelp(
            "remove @Pinned from '" + method.getSimpleName() + "'",
            overridden,
            clauseOwner,
            clause,
            overriddenFromSource
                ? ", or declare '"
                    + Names.qualifiedMethod(overridden)
                    + "' @Pinned: its callers would move the value"
                : null,
            "the value");
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' returns @Pinned but overridden '"
            + Names.qualifiedMethod(overridden)
            + "' does not",
        help);
  }

  /**
   * An override's return type pins type arguments that the overridden return does not: callers
   * through the overridden method would hold the elements unpinned. The fixes as for {@link
   * #overrideAddsPinnedReturn}.
   */
  public static Finding overrideAddsPinnedElements(
      Site site,
      ExecutableElement method,
      ExecutableElement overridden,
      TypeElement clauseOwner,
      String clause,
      boolean overriddenFromSource) {
    String help =
        addedPinHelp(
            "remove @Pinned from the type arguments of its return type",
            overridden,
            clauseOwner,
            clause,
            overriddenFromSource
                ? ", or give the return type of '"
                    + Names.qualifiedMethod(overridden)
                    + "' the same @Pinned type arguments"
                : null,
            "the elements");
    return new Finding(
        Code.OVERRIDE,
        site,
        "'"
            + Names.method(method)
            + "' returns pinned elements, but overridden '"
            + Names.qualifiedMethod(overridden)
            + "' does not",
        help);
  }

  /**
   * The help for a pin an override adds to its result: remove it, or pin the supertype {@code
   * clause} of {@code clauseOwner}; else the fix in the overridden method's source ({@code
   * sourceFix}, null for a class file, whose signature cannot carry it).
   */
  private static String addedPinHelp(
      String remove,
      ExecutableElement overridden,
      TypeElement clauseOwner,
      String clause,
      String sourceFix,
      String moved) {
    if (clause != null) {
      return remove + ", or " + pinTheClause(overridden, clauseOwner, clause);
    }
    if (sourceFix != null) {
      return remove + sourceFix;
    }
    return remove
        + ": callers of '"
        + Names.qualifiedMethod(overridden)
        + "' would move "
        + moved
        + ", and its signature cannot carry the pin";
  }

  private static String pinTheClause(
      ExecutableElement overridden, TypeElement clauseOwner, String clause) {
    return "write the type argument that '"
        + Names.qualifiedMethod(overridden)
        + "' returns @Pinned in the supertype clause of '"
        + Names.type(clauseOwner)
        + "': '"
        + clause
        + "'";
  }

  /**
   * A pinned value, or a container of pinned elements ({@code elements}), moves into the return
   * of a method that overrides {@code overridden}, whose return is not pinned: declaring the
   * override {@code @Pinned} would be {@code pin:override}, so the help names what DESIGN.md
   * §4.6/§4.7 allows (see {@link #overrideAddsPinnedReturn}), or says that the value escapes
   * through a class file's signature.
   */
  public static Finding moveIntoOverride(
      Site site,
      Pin pin,
      Place.Returned place,
      boolean elements,
      ExecutableElement overridden,
      TypeElement clauseOwner,
      String clause,
      boolean overriddenFromSource) {
    String method = Names.method(place.method());
    String help;
    if (clause != null) {
      help =
          pinTheClause(overridden, clauseOwner, clause)
              + (elements ? ", then in the return type of '" : ", then declare '")
              + method
              + (elements ? "'" : "' @Pinned");
    } else if (overriddenFromSource) {
      help =
          elements
              ? "give the return types of '"
                  + method
                  + "' and of overridden '"
                  + Names.qualifiedMethod(overridden)
                  + "' @Pinned type arguments"
              : "declare '"
                  + method
                  + "' and overridden '"
                  + Names.qualifiedMethod(overridden)
                  + "' @Pinned to return a pinned reference";
    } else {
      help =
          (elements ? "the elements escape" : "the value escapes")
              + " through the signature of overridden '"
              + Names.qualifiedMethod(overridden)
              + "', which cannot carry the pin: return "
              + (elements ? "an unpinned view" : "an unpinned value")
              + ", or suppress pin:move where that is safe";
    }
    String moved =
        elements
            ? "pinned elements of '" + pin.name() + "' move into "
            : "pinned value '" + pin.name() + "'" + origin(pin) + " moves into ";
    return new Finding(Code.MOVE, site, moved + where(place), help);
  }

  // pin:move and pin:after-pin

  /** A pinned value flows into an unpinned place; {@code pin} says where it came from. */
  public static Finding move(Site site, Pin pin, Place place) {
    return new Finding(
        Code.MOVE,
        site,
        "pinned value '" + pin.name() + "'" + origin(pin) + " moves into " + where(place),
        help(place));
  }

  /**
   * Where a local's pinned value came from, when the moved expression does not itself read the
   * pinned place: {@code  (from 'reader', line 12)}.
   */
  private static String origin(Pin pin) {
    if (pin instanceof Pin.ContainerElement element) {
      return " (from an element of '" + element.container() + "', line " + element.line() + ")";
    }
    String from = null;
    if (pin instanceof Pin.Received received) {
      from = received.from();
    } else if (pin instanceof Pin.Borrowed borrowed) {
      from = borrowed.from();
    }
    return from == null || from.equals(pin.name())
        ? ""
        : " (from '" + from + "', line " + pin.line() + ")";
  }

  /** A container of pinned elements flows where its element type is not {@code @Pinned}. */
  public static Finding containerMove(Site site, Pin container, Place place) {
    if (place instanceof Place.ArrayCopy copy) {
      return new Finding(
          Code.MOVE,
          site,
          "pinned elements of '" + copy.container() + "' move into an array",
          // The array is the move: a copy into a list whose type argument is @Pinned is none.
          "arrays are never pinned places: copy into a list of pinned elements instead,"
              + " 'copy.addAll(tasks)' into a 'List<@Pinned Task> copy'");
    }
    return new Finding(
        Code.MOVE,
        site,
        "pinned elements of '" + container.name() + "' move into " + where(place),
        isLibraryParameter(place)
            ? "a library parameter may hold them only where its type argument is @Pinned (a"
                + " -proc:none build on JDK 17 cannot read type arguments from class files)"
            : "only a place whose type argument is @Pinned may hold them, as 'List<@Pinned Task>'");
  }

  /** A local pinned at {@code pin.line()} flows into an unpinned place afterwards. */
  public static Finding afterPin(Site site, Pin.PinnedAfter pin, Place place) {
    return new Finding(
        Code.AFTER_PIN,
        site,
        "'"
            + pin.name()
            + "' moves into "
            + where(place)
            + ", but it was pinned at line "
            + pin.line(),
        "once pinned, always pinned: " + help(place));
  }

  // pin:unowned

  /**
   * The value {@code name} is pinned here, but it comes from {@code origin}, which still holds it
   * (§4.9): the first line says what holds it, the help line how the owner pins instead.
   */
  public static Finding unowned(Site site, String name, Origin origin) {
    boolean element =
        origin.kind() == Origin.Kind.ARRAY_ELEMENT
            || origin.kind() == Origin.Kind.CONTAINER_ELEMENT;
    String held =
        element || name.equals(origin.source())
            ? "it is "
            : "it may hold '" + origin.source() + "', which is ";
    return new Finding(
        Code.UNOWNED,
        site,
        "'" + name + "' is pinned here, but " + held + source(origin),
        unownedHelp(origin));
  }

  /** What still holds an unowned value, and why it may move it. */
  private static String source(Origin origin) {
    return switch (origin.kind()) {
      case PARAMETER -> "a parameter: the caller still holds it and may move it";
      case RECEIVER ->
          "the receiver of a method that does not declare it pinned: the caller still holds it"
              + " and may move it";
      case CONSTRUCTED ->
          "an object that was not made pinned: whoever made it still holds it and may move it";
      case FIELD ->
          "unpinned field '"
              + Names.member(origin.element(), origin.context())
              + "': the field still holds it";
      case ARRAY_ELEMENT -> "an element of array '" + origin.source() + "': the array still holds it";
      case CONTAINER_ELEMENT ->
          "an element of '"
              + origin.source()
              + "', whose element type is not @Pinned: the container still holds it";
      case LAMBDA_PARAMETER -> "a lambda parameter: whoever calls the lambda still holds it";
      case CATCH_PARAMETER -> "a catch parameter: whoever threw it may still hold it";
    };
  }

  /** The fix, fitted to where the value came from (§4.9). */
  private static String unownedHelp(Origin origin) {
    return switch (origin.kind()) {
      case PARAMETER -> parameterOwnerHelp(origin);
      case RECEIVER ->
          "declare a pinned receiver so that callers pin it: '"
              + Names.withPinnedReceiver((ExecutableElement) origin.element())
              + "'";
      case CONSTRUCTED -> constructedHelp(origin);
      case FIELD ->
          "declare '"
              + origin.element().getSimpleName()
              + "' @Pinned, or pin a value the method creates";
      case ARRAY_ELEMENT -> "arrays are never pinned places: pin a value the method creates";
      case CONTAINER_ELEMENT ->
          "give '"
              + origin.source()
              + "' a @Pinned type argument, or take the element out (poll, remove) before"
              + " pinning it";
      case LAMBDA_PARAMETER ->
          "pin a value the lambda creates, or iterate a container with a @Pinned type argument";
      case CATCH_PARAMETER -> "pin a value the method creates";
    };
  }

  private static String parameterOwnerHelp(Origin origin) {
    VariableElement parameter = (VariableElement) origin.element();
    if (!(parameter.getEnclosingElement() instanceof ExecutableElement method)) {
      return "declare the parameter @Pinned so that callers pin it";
    }
    return "declare the parameter @Pinned so that callers pin it: '"
        + Names.withPinnedParameter(method, parameter)
        + "'";
  }

  private static String constructedHelp(Origin origin) {
    if (origin.element() instanceof ExecutableElement constructor
        && constructor.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR) {
      return "annotate the constructor @Pinned so that the objects it makes are pinned: '"
          + Names.withPinnedParameter(constructor, null)
          + "'";
    }
    return "annotate the constructors of '"
        + Names.type(origin.context())
        + "' @Pinned so that its objects are pinned from birth";
  }

  // Places, as the diagnostics of pin:move and pin:after-pin name them

  private static final String ARRAYS =
      "arrays are never pinned places: keep pinned values in a List<@Pinned T>";

  /** The unpinned place, e.g. {@code unpinned field 'Monitor.last'}. */
  private static String where(Place place) {
    if (place instanceof Place.Field field) {
      return "unpinned field '" + Names.member(field.field(), field.context()) + "'";
    }
    if (place instanceof Place.Local local) {
      return "local '"
          + local.local().getSimpleName()
          + "' of type '"
          + Names.type(local.local().asType())
          + "'";
    }
    if (place instanceof Place.Parameter parameter) {
      return (isNamed(parameter)
              ? "unpinned parameter '" + parameter.parameter().getSimpleName() + "'"
              : "an unpinned parameter")
          + " of '"
          + Names.qualifiedMethod(parameter.method())
          + "'";
    }
    if (place instanceof Place.Returned returned) {
      return "the return value of '" + Names.method(returned.method()) + "', which is not @Pinned";
    }
    if (place instanceof Place.MethodReferenceResult reference) {
      return "the result of method reference '"
          + reference.reference()
          + "'"
          + storedBy(reference.result());
    }
    if (place instanceof Place.ArrayElement) {
      return "an array element";
    }
    if (place instanceof Place.ArrayInitializer) {
      return "an array initializer";
    }
    if (place instanceof Place.ArrayCopy) {
      return "an array";
    }
    return place instanceof Place.LambdaReturn lambda
        ? "the return value of a lambda" + storedBy(lambda.result())
        : "a throw";
  }

  /** The container a function's result goes into, when it is one: {@code compute} on a map. */
  private static String storedBy(LambdaResult result) {
    return result.container() == null
        ? ""
        : ", which '" + result.container() + "' stores unpinned";
  }

  /** The fix for a move into {@code place}. */
  private static String help(Place place) {
    if (place instanceof Place.Field field) {
      return fieldHelp(field.field());
    }
    if (place instanceof Place.Local local) {
      return "declare '"
          + local.local().getSimpleName()
          + "' with @Pinned type arguments, or with 'var'";
    }
    if (place instanceof Place.Parameter parameter) {
      return parameterHelp(parameter);
    }
    if (place instanceof Place.Returned returned) {
      return "declare '" + Names.method(returned.method()) + "' @Pinned to return a pinned reference";
    }
    if (place instanceof Place.MethodReferenceResult reference) {
      return functionResultHelp(
          reference.functional(),
          reference.result(),
          "the method reference",
          "call the method where its result is used");
    }
    if (place instanceof Place.LambdaReturn lambda) {
      return functionResultHelp(
          lambda.functional(),
          lambda.result(),
          "the lambda",
          "use the pinned value inside the lambda rather than returning it");
    }
    if (place instanceof Place.Thrown) {
      return "throw an exception that describes the pinned value, not the value itself";
    }
    return ARRAYS;
  }

  /**
   * The fix for a pinned result of a lambda or method reference: the {@code @Pinned} type argument
   * that would make its result a pinned place — of the container that stores it ({@code
   * plain.compute(k, f)}), or of its own target type ({@code Supplier<@Pinned Task>}) — else
   * {@code otherwise}.
   */
  private static String functionResultHelp(
      TypeMirror functional, LambdaResult result, String function, String otherwise) {
    if (result.container() != null) {
      String pinned = Names.withPinnedArgument(result.containerType(), result.type());
      return "give '"
          + result.container()
          + "' a @Pinned type argument for what "
          + function
          + " returns"
          + (pinned == null ? "" : ", as '" + pinned + "'");
    }
    String pinned = Names.withPinnedArgument(functional, result.type());
    return pinned == null
        ? otherwise
        : "give the target type of " + function + " a @Pinned type argument, as '" + pinned
            + "', or " + otherwise;
  }

  /**
   * A field that is not final may be reassigned or rewired (a link, a cursor): {@code @Pinned}
   * makes it a pinned slot, which keeps that freedom (§2). Telling the user to make it {@code
   * final} would be impossible to follow.
   */
  private static String fieldHelp(VariableElement field) {
    if (field.getModifiers().contains(Modifier.FINAL)) {
      return "declare '" + field.getSimpleName() + "' @Pinned, or keep the pinned value in a local";
    }
    return "declare '"
        + field.getSimpleName()
        + "' @Pinned (a pinned slot may be reassigned), or keep the pinned value in a local";
  }

  /**
   * A method of the sources can be annotated; a library method only declared borrowing with
   * {@code -Apin.borrowing}, or its container given a {@code @Pinned} type argument.
   */
  private static String parameterHelp(Place.Parameter place) {
    ExecutableElement method = place.method();
    if (place.declaredIn() == Place.DeclaredIn.SOURCE) {
      String parameter =
          isNamed(place) ? "parameter '" + place.parameter().getSimpleName() + "'" : "the parameter";
      // Right whether the method borrows or keeps it: a @Pinned parameter may be kept in
      // pinned places, so no "if it only borrows it" that a setter could not satisfy.
      return "declare "
          + parameter
          + " of '"
          + Names.method(method)
          + "' @Pinned; it may then keep the value only in pinned places";
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String ownerName = owner.getQualifiedName().toString();
    if (ownerName.equals("java.lang.invoke.VarHandle")) {
      // set/compareAndSet store the value into a field the checker cannot see through the
      // handle: borrowing would be a lie, and a VarHandle has no type argument to annotate.
      return "a VarHandle stores it into a field the checker cannot see: declare that field"
          + " @Pinned and suppress pin:move on this access";
    }
    if (isFieldUpdater(ownerName) && isTypeVariableOf(place.parameter(), owner)) {
      return "declare the updater with a @Pinned value type argument, as"
          + " 'AtomicReferenceFieldUpdater<Node, @Pinned Node>', and its field @Pinned";
    }
    if (isTypeVariableOf(place.parameter(), owner)) {
      // add(E), put(K, V), offer(E): a container that keeps what it is given.
      return "give the container a @Pinned type argument, as 'List<@Pinned Task>'";
    }
    if (keepsItsArgument(method)) {
      return "'"
          + Names.method(method)
          + "' keeps its argument: declare its parameter @Pinned where it is declared"
          + " (-Apin.borrowing is only for methods that do not keep it)";
    }
    return "if '"
        + Names.method(method)
        + "' neither keeps nor moves it, declare it borrowing:"
        + " -Apin.borrowing="
        + owner.getQualifiedName()
        + "#"
        + method.getSimpleName();
  }

  private static boolean isFieldUpdater(String ownerName) {
    return ownerName.startsWith("java.util.concurrent.atomic.Atomic")
        && ownerName.endsWith("FieldUpdater");
  }

  /**
   * Whether a library method's name says it keeps what it is given (a setter, an adder, a
   * registration): declaring it borrowing would let pinned values escape unseen.
   */
  private static boolean keepsItsArgument(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    for (String verb : KEEPING_VERBS) {
      if (name.startsWith(verb)
          && (name.length() == verb.length() || Character.isUpperCase(name.charAt(verb.length())))) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> KEEPING_VERBS =
      List.of("set", "add", "put", "offer", "push", "register", "attach", "store");

  /**
   * A parameter of a method read from a class file whose signature writes a type argument itself
   * ({@code track(List<Task>)}): only such a type argument can javac's view of class files hide.
   * Where the type argument is a type variable ({@code new ArrayList<>(Collection<? extends E>)}),
   * the call's type argument decides, and it is written in the user's source.
   */
  private static boolean isLibraryParameter(Place place) {
    return place instanceof Place.Parameter parameter
        && parameter.declaredIn() == Place.DeclaredIn.LIBRARY
        && writesATypeArgument(parameter.parameter().asType());
  }

  private static boolean writesATypeArgument(TypeMirror type) {
    if (!(type instanceof javax.lang.model.type.DeclaredType declared)) {
      return false;
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      TypeMirror written =
          argument instanceof javax.lang.model.type.WildcardType wildcard
              ? (wildcard.getExtendsBound() != null
                  ? wildcard.getExtendsBound()
                  : wildcard.getSuperBound())
              : argument;
      if (written != null && written.getKind() != javax.lang.model.type.TypeKind.TYPEVAR) {
        return true;
      }
    }
    return false;
  }

  /** Class files compiled without {@code -parameters} name their parameters arg0, arg1... */
  private static boolean isNamed(Place.Parameter place) {
    return !place.parameter().getSimpleName().toString().matches("arg[0-9]+");
  }

  private static boolean isTypeVariableOf(VariableElement parameter, TypeElement owner) {
    return parameter.asType() instanceof javax.lang.model.type.TypeVariable variable
        && variable.asElement() instanceof javax.lang.model.element.TypeParameterElement declared
        && declared.getGenericElement().equals(owner);
  }

  // pin:copy in bodies

  public static Finding cloneCall(Site site, TypeMirror type) {
    return new Finding(
        Code.COPY,
        site,
        "clone() copies a value of pinned type '" + Names.type(type) + "'",
        "share the reference instead; " + NEVER_COPIED);
  }

  // pin:internal

  public static Finding internal(Site site, String file, Throwable failure) {
    return new Finding(
        Code.INTERNAL,
        site,
        "the pin checker failed on " + file + ": " + failure,
        "please report this with the file; -Apin.stats=true prints the stack trace");
  }

  // warnings

  public static Finding useless(Site site, Element element, TypeMirror type) {
    return new Finding(
        Code.USELESS,
        site,
        "@Pinned has no effect on '"
            + element.getSimpleName()
            + "': type '"
            + Names.type(type)
            + "' is Unpin",
        "remove @Pinned; values of '" + Names.type(type) + "' may always be moved");
  }

  public static Finding uselessConstructor(Site site, ExecutableElement constructor) {
    TypeElement owner = (TypeElement) constructor.getEnclosingElement();
    return new Finding(
        Code.USELESS,
        site,
        "@Pinned has no effect on constructor '"
            + Names.method(constructor)
            + "': type '"
            + Names.type(owner)
            + "' is Unpin",
        "remove @Pinned; values of '" + Names.type(owner) + "' may always be moved");
  }

  public static Finding uselessReceiver(Site site, ExecutableElement method, TypeMirror type) {
    return new Finding(
        Code.USELESS,
        site,
        "@Pinned has no effect on the receiver of '"
            + Names.method(method)
            + "': type '"
            + Names.type(type)
            + "' is Unpin",
        "remove @Pinned; values of '" + Names.type(type) + "' may always be moved");
  }

  public static Finding unannotatedPinnedField(
      Site site, VariableElement field, TypeElement owner, TypeMirror type) {
    return new Finding(
        Code.FIELD,
        site,
        "field '"
            + field.getSimpleName()
            + "' of pinned type '"
            + Names.type(owner)
            + "' holds pinned type '"
            + Names.type(type)
            + "' but is neither @Pinned nor @Unpin",
        field.getModifiers().contains(Modifier.FINAL)
            ? "annotate '"
                + field.getSimpleName()
                + "' @Pinned to pin it structurally, or @Unpin to keep it movable"
            // Not final: a link or cursor that is reassigned; a pinned slot keeps that (§2).
            : "annotate '"
                + field.getSimpleName()
                + "' @Pinned to make it a pinned slot, or @Unpin to keep it movable");
  }

  /**
   * {@code supertype}'s code sees an unpinned {@code this} of pinned {@code type}; {@code via} is
   * the code-less type of the clause it is reached through, or null.
   */
  public static Finding unpinnedSupertype(
      Site site, TypeElement type, TypeElement supertype, TypeElement via) {
    return unpinnedSupertype(
        site, type, supertype, via, "annotate '" + Names.type(supertype) + "' @Pinned");
  }

  /**
   * As {@link #unpinnedSupertype}, where the supertype returns itself (a fluent API): pinning it
   * would turn each {@code return this} into a move, so the help says that suppression is then the
   * better fix.
   */
  public static Finding unpinnedFluentSupertype(
      Site site, TypeElement type, TypeElement supertype, TypeElement via) {
    return unpinnedSupertype(
        site,
        type,
        supertype,
        via,
        "if the code of '"
            + Names.type(supertype)
            + "' never keeps 'this', suppress pin:supertype on '"
            + Names.type(type)
            + "': annotating it @Pinned would make each fluent 'return this' a move");
  }

  private static Finding unpinnedSupertype(
      Site site, TypeElement type, TypeElement supertype, TypeElement via, String help) {
    return new Finding(
        Code.SUPERTYPE,
        site,
        "pinned type '"
            + Names.type(type)
            + "' extends '"
            + Names.type(supertype)
            + "'"
            + (via == null ? "" : " (through '" + Names.type(via) + "')")
            + ", whose code sees 'this' unpinned and may move it",
        help);
  }


  // Notes and failures that belong to no tree

  /** A problem with the options, as {@code PinOptions} words it. */
  public static String optionProblem(String problem) {
    return "pinning: " + problem;
  }

  /** The processor under a compiler without javac's plugins (ECJ). */
  public static String bodyRulesSkipped() {
    return "pinning: this compiler runs no javac plugin, so only declaration rules were checked;"
        + " method bodies were not";
  }

  /** The plugin found projected types, but no annotation processing ran. */
  public static String projectionsNotGenerated() {
    return "pinning: projections were not generated because no annotation processing ran (as"
        + " intended with -proc:none); to generate them, put org.pinning:pinning-processor on"
        + " annotationProcessorPaths, or pass -proc:full";
  }

  /**
   * A class file carries {@code @Pinned} or {@code @Unpin} ({@code where}: on what), but the
   * annotations are not on this compilation's class path, so javac drops them without a word.
   */
  public static String annotationsNotResolved(String where) {
    return "pinning: "
        + where
        + " is annotated with org.pinning annotations that are not on this compilation's class"
        + " path, so its pins are not seen; add org.pinning:pinning-annotations as a dependency"
        + " (a library's provided or optional dependency does not reach its users)";
  }

  /** What the times of {@link #stats} measure. */
  public enum TimeMeasured {
    /** The CPU time of the compiling thread. */
    COMPILING_THREAD_CPU,
    WALL_CLOCK
  }

  /**
   * {@code -Apin.stats=true}: the checks' time and the compilation's since the plugin started, both
   * as {@code measured}.
   */
  public static String stats(
      int classes,
      int pinnedTypes,
      long millis,
      long compileMillis,
      TimeMeasured measured,
      int classFilesRead) {
    boolean cpu = measured == TimeMeasured.COMPILING_THREAD_CPU;
    return String.format(
        Locale.ROOT,
        "pinning: %d classes checked, %d pinned types found, %d ms %sin the checks"
            + " (%.1f%% of the %d ms %s since the plugin started); %d class files read for"
            + " their type annotations",
        classes,
        pinnedTypes,
        millis,
        cpu ? "of CPU " : "",
        compileMillis == 0 ? 0.0 : 100.0 * millis / compileMillis,
        compileMillis,
        cpu ? "of CPU the compiling thread used" : "this compilation took",
        classFilesRead);
  }

  /** The processor itself failed: {@code pin:internal} without a tree. */
  public static String processorFailed(Throwable failure) {
    return "["
        + Code.INTERNAL.id()
        + "] the pinning processor failed: "
        + failure
        + "\nhelp: please report this with the file; -Apin.stats=true prints the stack trace";
  }

  /** The plugin could not set up its checks: {@code pin:internal} before any rule ran. */
  public static String checkerCouldNotStart(Throwable failure) {
    return "["
        + Code.INTERNAL.id()
        + "] the pin checker could not start: "
        + failure
        + "\nhelp: please report this with your build's processor path";
  }
}
