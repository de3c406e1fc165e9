package org.pinning.processor.model;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Library methods that neither keep nor move their arguments (DESIGN.md §4.1): they accept pinned
 * arguments as if their parameters were {@code @Pinned}, without pinning what they are given.
 * {@code Type#method} matches every overload the type declares and every true override of one of
 * them, {@code Type#*} every method of the type,
 * {@code *#method} that method of any type, and a name ending in {@code *} is a prefix. Users add
 * entries with {@code -Apin.borrowing=}.
 */
public final class BorrowingModel {
  private static final List<String> BUILT_IN =
      List.of(
          "java.util.Objects#requireNonNull",
          "java.util.Objects#requireNonNullElse",
          "java.util.Objects#equals",
          "java.util.Objects#hash",
          "java.util.Objects#hashCode",
          "java.util.Objects#toString",
          "java.util.Objects#isNull",
          "java.util.Objects#nonNull",
          "java.lang.String#valueOf",
          "java.lang.String#format",
          "java.lang.String#formatted",
          "java.lang.System#identityHashCode",
          "java.io.PrintStream#print",
          "java.io.PrintStream#println",
          "java.io.PrintStream#printf",
          "java.io.PrintStream#format",
          "java.io.PrintWriter#print",
          "java.io.PrintWriter#println",
          "java.io.PrintWriter#printf",
          "java.io.PrintWriter#format",
          "java.lang.StringBuilder#append",
          "java.text.MessageFormat#format",
          "java.lang.Object#equals",
          "java.lang.Comparable#compareTo",
          "java.util.Collection#contains",
          "java.util.Collection#remove",
          "java.util.List#indexOf",
          "java.util.List#lastIndexOf",
          "java.util.Map#get",
          "java.util.Map#containsKey",
          "java.util.Map#containsValue",
          "java.util.Map#remove",
          "*#canEqual",
          "org.junit.jupiter.api.Assertions#assert*",
          "org.junit.Assert#assert*",
          "java.util.Comparator#compare",
          "java.util.Collections#sort",
          "java.util.Collections#reverse",
          "java.util.Collections#shuffle",
          "java.util.Collections#swap",
          "java.util.Collections#rotate",
          "java.util.Collection#containsAll",
          "java.util.Collection#removeAll",
          "java.util.Collection#retainAll");

  /**
   * Methods of which only the first argument borrows: the object whose field a {@code VarHandle}, a
   * field updater or {@code Unsafe} reads or writes ({@code VALUE.compareAndSet(this, old, next)}).
   * The value written is stored in that field: it still moves. Hundreds of names, listed
   * when the index is built ({@link #index}).
   *
   * <p>Every access mode of {@code VarHandle} (as the running JDK names them), the methods of the
   * {@code Atomic*FieldUpdater}s that take the object, and the field accessors of both {@code
   * Unsafe}s ({@code getInt(Object, long)}, {@code putReferenceRelease}…). Listed by name, not as
   * {@code get*} prefixes: a prefix sends every getter of every program to a second look.
   */
  private static List<String> receiverCoordinateEntries() {
    List<String> entries = new ArrayList<>();
    for (VarHandle.AccessMode mode : VarHandle.AccessMode.values()) {
      entries.add("java.lang.invoke.VarHandle#" + mode.methodName());
    }
    List<String> updaterMethods =
        List.of(
            "get", "set", "lazySet", "compareAndSet", "weakCompareAndSet", "getAndSet",
            "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet");
    List<String> numberUpdaterMethods =
        List.of(
            "getAndAdd", "addAndGet", "getAndIncrement", "incrementAndGet", "getAndDecrement",
            "decrementAndGet");
    String atomic = "java.util.concurrent.atomic.";
    for (String method : updaterMethods) {
      entries.add(atomic + "AtomicReferenceFieldUpdater#" + method);
      entries.add(atomic + "AtomicIntegerFieldUpdater#" + method);
      entries.add(atomic + "AtomicLongFieldUpdater#" + method);
    }
    for (String method : numberUpdaterMethods) {
      entries.add(atomic + "AtomicIntegerFieldUpdater#" + method);
      entries.add(atomic + "AtomicLongFieldUpdater#" + method);
    }
    for (String method : unsafeFieldAccessors()) {
      entries.add("sun.misc.Unsafe#" + method);
      entries.add("jdk.internal.misc.Unsafe#" + method);
    }
    return List.copyOf(entries);
  }

  /**
   * The names of {@code Unsafe}'s field accessors, {@code sun.misc} and {@code jdk.internal.misc}
   * alike (JDK 17 to 25): every combination, some of which neither declares, which match nothing.
   */
  private static List<String> unsafeFieldAccessors() {
    List<String> types =
        List.of(
            "Int", "Long", "Short", "Char", "Byte", "Boolean", "Float", "Double", "Object",
            "Reference");
    List<String> names = new ArrayList<>();
    for (String type : types) {
      for (String order : List.of("", "Volatile", "Acquire", "Opaque")) {
        names.add("get" + type + order);
      }
      for (String order : List.of("", "Volatile", "Release", "Opaque")) {
        names.add("put" + type + order);
      }
      names.add("putOrdered" + type);
      names.add("compareAndSwap" + type);
      names.add("compareAndSet" + type);
      for (String order : List.of("", "Acquire", "Release")) {
        names.add("compareAndExchange" + type + order);
        names.add("getAndAdd" + type + order);
        names.add("getAndSet" + type + order);
        for (String operation : List.of("Or", "And", "Xor")) {
          names.add("getAndBitwise" + operation + type + order);
        }
      }
      for (String order : List.of("", "Plain", "Acquire", "Release")) {
        names.add("weakCompareAndSet" + type + order);
      }
    }
    return names;
  }

  /** Model methods whose result is their (first) argument: a pinned argument, a pinned result. */
  private static final List<String> RETURNING_ARGUMENT =
      List.of("java.util.Objects#requireNonNull", "java.util.Objects#requireNonNullElse");

  private final Elements elements;
  private final Types types;

  /**
   * Entries by method name. Asked for every method the checks meet, so keyed by javac's interned
   * names, which compare by identity: reading a name's contents decodes it each time.
   */
  private final Map<Name, List<Entry>> byName = new IdentityHashMap<>();

  /** Owner types by name, resolved when a method of that name is first asked about. */
  private final Map<String, TypeMirror> owners = new HashMap<>();

  private final List<Entry> prefixes = new ArrayList<>();

  /** Whether a prefix entry could match a method name, per name: reading one decodes it. */
  private final Map<Name, Boolean> prefixed = new IdentityHashMap<>();

  /**
   * The qualified names of each declaring type asked about and of all its supertypes, null where
   * one of them is erroneous: see {@link #cannotBeOwnedBy}.
   */
  private final Map<TypeElement, Set<String>> supertypeNames = new HashMap<>();

  /** The entry each method asked about matched, {@link #NO_ENTRY} for none. */
  private final Map<ExecutableElement, Entry> entries = new HashMap<>();

  /** Which arguments of an entry's methods borrow. */
  private enum Borrowed {
    EVERY_ARGUMENT,
    /** Only the object whose field is accessed ({@link #receiverCoordinateEntries}). */
    FIRST_ARGUMENT
  }

  /** What an entry's methods return. */
  private enum Result {
    THEIR_OWN,
    /** Their first argument ({@link #RETURNING_ARGUMENT}): a pinned argument, a pinned result. */
    FIRST_ARGUMENT
  }

  /** One {@code Type#method} entry; {@code owner} is the type's name, null for {@code *}. */
  private record Entry(String owner, String method, Borrowed borrowed, Result result) {}

  /** Stands for "no entry" in {@link #entries}, which keeps no nulls. */
  private static final Entry NO_ENTRY =
      new Entry(null, "", Borrowed.EVERY_ARGUMENT, Result.THEIR_OWN);

  private final List<String> extraEntries;

  /** Whether {@link #byName} and {@link #prefixes} are filled. */
  private boolean indexed;

  public BorrowingModel(Elements elements, Types types, List<String> extraEntries) {
    this.elements = elements;
    this.types = types;
    this.extraEntries = List.copyOf(extraEntries);
  }

  /**
   * Fills the index of entries by name when a method is first asked about. Only a member of a
   * pinned type, or code that holds pins, is asked: code without pins, which is most code, does
   * not pay for the thousand names (DESIGN.md §9).
   */
  private void index() {
    indexed = true;
    List<String> all = new ArrayList<>(BUILT_IN);
    all.addAll(extraEntries);
    for (String entry : all) {
      add(entry, Borrowed.EVERY_ARGUMENT);
    }
    for (String entry : receiverCoordinateEntries()) {
      add(entry, Borrowed.FIRST_ARGUMENT);
    }
  }

  /**
   * Whether some parameter of {@code method} borrows: for the overrides of model methods, and the
   * members that mention one.
   */
  public boolean borrows(ExecutableElement method) {
    return entry(method) != null;
  }

  /**
   * Whether the parameter of {@code method} that receives argument {@code index} borrows: a pinned
   * argument there is fine, and stays unpinned.
   */
  public boolean borrows(ExecutableElement method, int index) {
    Entry entry = entry(method);
    return entry != null && (index == 0 || entry.borrowed() == Borrowed.EVERY_ARGUMENT);
  }

  /** Whether {@code method} returns its first argument, so a pinned argument pins its result. */
  public boolean returnsArgument(ExecutableElement method) {
    Entry entry = entry(method);
    return entry != null && entry.result() == Result.FIRST_ARGUMENT;
  }

  /**
   * Whether {@code method} may return argument {@code index}: a model method that returns an
   * argument may return each one whose parameter has its result's type ({@code
   * requireNonNullElse(T obj, T defaultObj)} either; {@code requireNonNull(T obj, String message)}
   * only the first).
   */
  public boolean mayReturn(ExecutableElement method, int index) {
    if (!returnsArgument(method) || index >= method.getParameters().size()) {
      return false;
    }
    return index == 0
        || types.isSameType(method.getParameters().get(index).asType(), method.getReturnType());
  }

  /** The entry {@code method} matches, or null. */
  private Entry entry(ExecutableElement method) {
    if (!indexed) {
      index();
    }
    Name name = method.getSimpleName();
    if (!byName.containsKey(name) && !startsWithAPrefix(name)) {
      return null; // most methods: no entry has their name
    }
    Entry known = entries.get(method);
    if (known == null) {
      known = find(method);
      entries.put(method, known == null ? NO_ENTRY : known);
    }
    return known == NO_ENTRY ? null : known;
  }

  private Entry find(ExecutableElement method) {
    Name name = method.getSimpleName();
    Element owner = method.getEnclosingElement();
    List<Entry> candidates = byName.get(name);
    if (candidates != null) {
      for (Entry entry : candidates) {
        if (ownedBy(method, owner, entry)) {
          return entry;
        }
      }
    }
    String text = prefixes.isEmpty() ? "" : name.toString();
    for (Entry entry : prefixes) {
      if (text.startsWith(entry.method()) && ownedBy(method, owner, entry)) {
        return entry;
      }
    }
    return null;
  }

  /**
   * Whether a prefix entry ({@code assert*}) could match {@code name}. Decided from the name alone:
   * resolving an entry's owner by name makes javac search every module of the compilation.
   */
  private boolean startsWithAPrefix(Name name) {
    if (prefixes.isEmpty()) {
      return false;
    }
    Boolean known = prefixed.get(name);
    if (known == null) {
      known = false;
      String text = name.toString();
      for (Entry entry : prefixes) {
        if (text.startsWith(entry.method())) {
          known = true;
          break;
        }
      }
      prefixed.put(name, known);
    }
    return known;
  }

  /**
   * Whether {@code method} of {@code owner} is the entry's: declared by the entry's type (any
   * overload), or a true override of an instance method the type declares (§4.1). A static method
   * or an overload that merely shares the name in a subtype is not: {@code CollectionUtils}' static
   * {@code equals(a, b)} keeps what it is given for all the model knows.
   */
  private boolean ownedBy(ExecutableElement method, Element owner, Entry entry) {
    if (entry.owner() == null) {
      return true;
    }
    if (owner instanceof TypeElement declaring && cannotBeOwnedBy(declaring, entry.owner())) {
      return false;
    }
    TypeMirror type = owners.get(entry.owner());
    if (type == null) {
      type = resolve(entry.owner());
      owners.put(entry.owner(), type);
    }
    if (type.getKind() == TypeKind.NONE || !(owner instanceof TypeElement declaring)) {
      return false;
    }
    TypeElement entryType = (TypeElement) types.asElement(type);
    if (declaring.equals(entryType)) {
      return true;
    }
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getKind() != ElementKind.METHOD
        || !types.isSubtype(types.erasure(declaring.asType()), type)) {
      return false;
    }
    for (ExecutableElement candidate : ElementFilter.methodsIn(entryType.getEnclosedElements())) {
      if (candidate.getSimpleName().equals(method.getSimpleName())
          && elements.overrides(method, candidate, declaring)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code declaring} is neither the type named {@code ownerName} nor a subtype of it, told
   * from the names of its supertypes, which javac has already read. Resolving the entry's type
   * instead would make javac read class files the compilation never needs ({@code VarHandle} and
   * the field updaters for every method named {@code get} or {@code set}).
   */
  private boolean cannotBeOwnedBy(TypeElement declaring, String ownerName) {
    if (ownerName.equals("java.lang.Object")) {
      return false; // every class and interface is a subtype of Object
    }
    Set<String> names = supertypeNames.get(declaring);
    if (names == null) {
      names = namesOfSupertypes(declaring); // null, and asked again, where one is erroneous
      if (names != null) {
        supertypeNames.put(declaring, names);
      }
    }
    return names != null && !names.contains(ownerName);
  }

  /** The qualified names of {@code type} and all its supertypes, or null if one is erroneous. */
  private Set<String> namesOfSupertypes(TypeElement type) {
    Set<String> names = new HashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type.asType()));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.pop();
      if (next.getKind() != TypeKind.DECLARED) {
        return null; // an error type: leave the question to javac's subtyping
      }
      TypeElement element = (TypeElement) types.asElement(next);
      if (names.add(element.getQualifiedName().toString())) {
        pending.addAll(types.directSupertypes(next));
      }
    }
    return names;
  }

  /**
   * The erasure of the named type, or NONE when this compilation cannot see it. A JDK type is
   * looked up in its module first: a name alone makes javac search every module of the
   * compilation.
   */
  private TypeMirror resolve(String name) {
    TypeElement type = null;
    String module =
        name.startsWith("java.") || name.startsWith("jdk.internal.")
            ? "java.base"
            : name.startsWith("sun.misc.") ? "jdk.unsupported" : null;
    if (module != null) {
      ModuleElement jdkModule = elements.getModuleElement(module);
      type = jdkModule == null ? null : elements.getTypeElement(jdkModule, name);
    }
    if (type == null) {
      type = elements.getTypeElement(name);
    }
    return type == null ? types.getNoType(TypeKind.NONE) : types.erasure(type.asType());
  }

  private void add(String text, Borrowed borrowed) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      return; // malformed entries match nothing; PinOptions reports them
    }
    String typeName = text.substring(0, hash);
    String method = text.substring(hash + 1);
    String owner = typeName.equals("*") ? null : typeName;
    Result result = RETURNING_ARGUMENT.contains(text) ? Result.FIRST_ARGUMENT : Result.THEIR_OWN;
    if (method.endsWith("*")) {
      prefixes.add(new Entry(owner, method.substring(0, method.length() - 1), borrowed, result));
    } else {
      Name name = elements.getName(method);
      List<Entry> entries = byName.get(name);
      if (entries == null) {
        entries = new ArrayList<>();
        byName.put(name, entries);
      }
      entries.add(new Entry(owner, method, borrowed, result));
    }
  }
}
