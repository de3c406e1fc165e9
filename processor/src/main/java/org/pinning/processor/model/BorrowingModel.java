package org.pinning.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Library methods that neither keep nor move their arguments (DESIGN.md §4.1): they accept pinned
 * arguments as if their parameters were {@code @Pinned}, without pinning what they are given.
 * {@code Type#method} matches every overload and override, {@code Type#*} every method of the type,
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
          "org.junit.Assert#assert*");

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

  private final Map<ExecutableElement, Boolean> borrows = new HashMap<>();

  /** One {@code Type#method} entry; {@code owner} is the type's name, null for {@code *}. */
  private record Entry(String owner, String method, boolean returnsArgument) {}

  public BorrowingModel(Elements elements, Types types, List<String> extraEntries) {
    this.elements = elements;
    this.types = types;
    List<String> all = new ArrayList<>(BUILT_IN);
    all.addAll(extraEntries);
    for (String entry : all) {
      add(entry);
    }
  }

  /** Whether {@code method}'s parameters borrow: pinned arguments are fine, and stay unpinned. */
  public boolean borrows(ExecutableElement method) {
    Name name = method.getSimpleName();
    if (!byName.containsKey(name) && !startsWithAPrefix(name)) {
      return false; // most methods: no entry has their name
    }
    Boolean known = borrows.get(method);
    if (known == null) {
      known = find(method) != null;
      borrows.put(method, known);
    }
    return known;
  }

  /** Whether {@code method} returns its first argument, so a pinned argument pins its result. */
  public boolean returnsArgument(ExecutableElement method) {
    Entry entry = borrows(method) ? find(method) : null;
    return entry != null && entry.returnsArgument();
  }

  private Entry find(ExecutableElement method) {
    Name name = method.getSimpleName();
    Element owner = method.getEnclosingElement();
    List<Entry> candidates = byName.get(name);
    if (candidates != null) {
      for (Entry entry : candidates) {
        if (ownedBy(owner, entry)) {
          return entry;
        }
      }
    }
    String text = prefixes.isEmpty() ? "" : name.toString();
    for (Entry entry : prefixes) {
      if (text.startsWith(entry.method()) && ownedBy(owner, entry)) {
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
      String text = name.toString();
      known = prefixes.stream().anyMatch(entry -> text.startsWith(entry.method()));
      prefixed.put(name, known);
    }
    return known;
  }

  private boolean ownedBy(Element owner, Entry entry) {
    if (entry.owner() == null) {
      return true;
    }
    TypeMirror type = owners.computeIfAbsent(entry.owner(), this::resolve);
    return type.getKind() != TypeKind.NONE
        && owner instanceof TypeElement declaring
        && types.isSubtype(types.erasure(declaring.asType()), type);
  }

  /**
   * The erasure of the named type, or NONE when this compilation cannot see it. Looked up in {@code
   * java.base} first: a name alone makes javac search every module of the compilation.
   */
  private TypeMirror resolve(String name) {
    TypeElement type = null;
    if (name.startsWith("java.")) {
      ModuleElement base = elements.getModuleElement("java.base");
      type = base == null ? null : elements.getTypeElement(base, name);
    }
    if (type == null) {
      type = elements.getTypeElement(name);
    }
    return type == null ? types.getNoType(TypeKind.NONE) : types.erasure(type.asType());
  }

  private void add(String text) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      return; // malformed entries match nothing; PinOptions reports them
    }
    String typeName = text.substring(0, hash);
    String method = text.substring(hash + 1);
    String owner = typeName.equals("*") ? null : typeName;
    boolean returnsArgument = RETURNING_ARGUMENT.contains(text);
    if (method.endsWith("*")) {
      prefixes.add(new Entry(owner, method.substring(0, method.length() - 1), returnsArgument));
    } else {
      byName
          .computeIfAbsent(elements.getName(method), k -> new ArrayList<>())
          .add(new Entry(owner, method, returnsArgument));
    }
  }
}
