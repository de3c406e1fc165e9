package org.pinning.processor.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The {@code @Pinned} type annotations of members read from class files, where javac does not show
 * them: before JDK 22 javac attaches no type annotation to a class-file member's type
 * (JDK-8225377), so a library's {@code List<@Pinned Task> tasks()} reads as {@code List<Task>}.
 * This reader parses the class file's {@code RuntimeInvisibleTypeAnnotations} with ASM instead.
 *
 * <p>It answers with type paths, the class-file notation of where in a type an annotation sits
 * ({@code "0;"}: type argument 0, {@code "0;*"}: the bound of the wildcard that is type argument 0,
 * {@code "1;0;"}: type argument 0 of type argument 1), so that the model makes the same decisions
 * from them as from javac's annotated types.
 *
 * <p>Reads lazily and once: a class file is opened the first time a member of its class is asked
 * about, and never for a class from source, from the JDK, or on JDK 22 and later (javac's own view
 * serves there). It reaches class files through public API only: {@code
 * Elements.getFileObjectOf} (JDK 18+, called reflectively since the project compiles for 17) or,
 * where an annotation processor runs, its {@link Filer}. A {@code -proc:none} build on JDK 17 has
 * neither, and there the reader stays idle. A class file that cannot be found or read gives no
 * answer, never an exception. ASM is used by {@link ClassFileParser} alone, so that this class
 * loads where ASM is missing.
 */
public final class ClassFileTypeAnnotations {
  /** javac shows class-file type annotations itself from this release on (JDK-8225377). */
  private static final int JAVAC_READS_THEM = 22;

  private final Elements elements;
  private final Types types;
  private final Predicate<TypeElement> fromSource;
  private final Method getFileObjectOf;
  private final Filer filer;
  private final boolean active;
  private final Map<TypeElement, ClassData> classes = new HashMap<>();

  /** Cached for a class whose file holds nothing for the pin rules, or cannot be read. */
  private final ClassData none = new ClassData();
  private int opened;

  /**
   * A reader for one compilation.
   *
   * @param fromSource which types the compilation has from source: their annotations javac shows
   * @param filer the annotation processor's {@code Filer}, or null where no processor runs
   */
  public ClassFileTypeAnnotations(
      Elements elements, Types types, Predicate<TypeElement> fromSource, Filer filer) {
    this(
        elements,
        types,
        fromSource,
        filer,
        Runtime.version().feature() < JAVAC_READS_THEM ? Reading.CLASS_FILES : Reading.NOTHING);
  }

  /** A reader that never reads: for compilers where the checks take no class-file answers. */
  public static ClassFileTypeAnnotations idle(Elements elements, Types types) {
    return new ClassFileTypeAnnotations(elements, types, type -> true, null, Reading.NOTHING);
  }

  /** A reader that reads class files whatever the JDK, where javac shows their annotations too. */
  static ClassFileTypeAnnotations readingOnEveryJdk(
      Elements elements, Types types, Predicate<TypeElement> fromSource, Filer filer) {
    return new ClassFileTypeAnnotations(elements, types, fromSource, filer, Reading.CLASS_FILES);
  }

  /** Whether a reader opens class files at all. */
  private enum Reading {
    CLASS_FILES,
    NOTHING
  }

  private ClassFileTypeAnnotations(
      Elements elements,
      Types types,
      Predicate<TypeElement> fromSource,
      Filer filer,
      Reading reading) {
    this.elements = elements;
    this.types = types;
    this.fromSource = fromSource;
    this.filer = filer;
    this.getFileObjectOf = reading == Reading.CLASS_FILES ? fileObjectMethod() : null;
    this.active = reading == Reading.CLASS_FILES && (getFileObjectOf != null || filer != null);
  }

  /** Whether this reader reads anything in this compilation (JDK < 22 with a way to the files). */
  public boolean isActive() {
    return active;
  }

  /** How many class files this reader opened so far (for {@code pin.stats}). */
  public int classFilesOpened() {
    return opened;
  }

  /**
   * Where {@code @Pinned} sits in the type of a field, or of a method's result: type paths, {@code
   * ""} for the type itself. Empty for members from source, and on JDK 22+.
   */
  public List<String> pinnedPaths(Element member) {
    MemberData data = member(member);
    return data == null ? List.of() : data.type;
  }

  /** Where {@code @Pinned} sits in the type of parameter {@code index} of {@code method}. */
  public List<String> parameterPinnedPaths(ExecutableElement method, int index) {
    MemberData data = member(method);
    if (data == null) {
      return List.of();
    }
    List<String> paths = data.parameters.get(index);
    return paths == null ? List.of() : paths;
  }

  /**
   * Whether {@code member}'s class file writes {@code @Pinned} anywhere in its signature as a type
   * use: its type, a parameter's, its receiver.
   */
  public boolean hasPinnedTypeUses(Element member) {
    return member(member) != null;
  }

  /** Whether {@code method} declares a pinned receiver, {@code poll(@Pinned Fut this)} (§4.10). */
  public boolean isReceiverPinned(ExecutableElement method) {
    MemberData data = member(method);
    return data != null && data.receiverPinned;
  }

  /**
   * Where {@code @Pinned} sits in a supertype clause of {@code type}: {@code index} -1 for the
   * superclass, else the interface at that index of {@code getInterfaces()}.
   */
  public List<String> supertypePinnedPaths(TypeElement type, int index) {
    ClassData data = classData(type);
    if (data == null) {
      return List.of();
    }
    List<String> paths = data.supertypes.get(index);
    return paths == null ? List.of() : paths;
  }

  /**
   * The type arguments marked in {@code paths} at the top level: {@code "0;"} or {@code "0;*"} (a
   * wildcard bounded {@code @Pinned}) give position 0.
   */
  public static ArgumentMask argumentMask(List<String> paths) {
    ArgumentMask mask = ArgumentMask.NONE;
    for (String path : paths) {
      int end = path.indexOf(';');
      boolean topLevel =
          end > 0 && (path.length() == end + 1 || (path.length() == end + 2 && path.endsWith("*")));
      if (!topLevel) {
        continue;
      }
      try {
        mask = mask.with(Integer.parseInt(path.substring(0, end)));
      } catch (NumberFormatException e) {
        // an array or inner-type step first: not a type argument of this type
      }
    }
    return mask;
  }

  private MemberData member(Element member) {
    if (!active || !(member.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    ClassData data = classData(owner);
    if (data == null) {
      return null;
    }
    String key = key(member);
    return key == null ? null : data.members.get(key);
  }

  private ClassData classData(TypeElement type) {
    if (!active) {
      return null;
    }
    ClassData data = classes.get(type);
    if (data == null) {
      data = read(type);
      classes.put(type, data);
    }
    return data == none ? null : data;
  }

  /** Whether {@code type} is compiled from source in this compilation, its tree lowered or not. */
  public boolean isFromSource(TypeElement type) {
    return fromSource.test(type);
  }

  /** The class file's {@code @Pinned} type annotations, or {@link ClassData#NONE}. */
  private ClassData read(TypeElement type) {
    if (isJdk(type) || fromSource.test(type)) {
      return none; // the JDK has no pins; javac shows those of sources itself
    }
    try (InputStream in = open(type)) {
      if (in == null) {
        return none;
      }
      opened++;
      ClassData data = ClassFileParser.parse(in);
      return data.isEmpty() ? none : data;
    } catch (IOException | RuntimeException | LinkageError e) {
      // A class file ASM cannot parse (a newer format, a damaged jar), or no ASM on the processor
      // path (the classes of this module alone): the reader stays quiet.
      return none;
    }
  }

  /** The class file of {@code type}, or null. */
  private InputStream open(TypeElement type) throws IOException {
    if (getFileObjectOf != null) {
      JavaFileObject file = fileObjectOf(type);
      return file == null || file.getKind() != JavaFileObject.Kind.CLASS
          ? null
          : file.openInputStream();
    }
    PackageElement pkg = elements.getPackageOf(type);
    String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    String binaryName = elements.getBinaryName(type).toString();
    String relative =
        (packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1))
            + ".class";
    return filer.getResource(StandardLocation.CLASS_PATH, packageName, relative).openInputStream();
  }

  private JavaFileObject fileObjectOf(TypeElement type) throws IOException {
    try {
      return (JavaFileObject) getFileObjectOf.invoke(elements, type);
    } catch (IllegalAccessException e) {
      return null;
    } catch (InvocationTargetException e) {
      throw new IOException(e.getCause());
    }
  }

  /** {@code Elements.getFileObjectOf(Element)}, public API from JDK 18 on; null before. */
  private static Method fileObjectMethod() {
    try {
      return Elements.class.getMethod("getFileObjectOf", Element.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Whether {@code type} belongs to the JDK, compiled without pins: known from its module. */
  boolean isJdk(TypeElement type) {
    var module = elements.getModuleOf(type);
    if (module == null || module.isUnnamed()) {
      return false;
    }
    String name = module.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("jdk.");
  }

  /** A member's key in its class file: a field's name, a method's name and descriptor. */
  private String key(Element member) {
    if (member.getKind() == ElementKind.FIELD) {
      return member.getSimpleName().toString();
    }
    if (!(member instanceof ExecutableElement method)) {
      return null;
    }
    StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
    for (VariableElement parameter : method.getParameters()) {
      if (!appendDescriptor(key, parameter.asType())) {
        return null;
      }
    }
    key.append(')');
    return appendDescriptor(key, method.getReturnType()) ? key.toString() : null;
  }

  /** The erased type's descriptor ({@code Ljava/util/List;}); false where there is none. */
  private boolean appendDescriptor(StringBuilder out, TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case BOOLEAN -> out.append('Z');
      case BYTE -> out.append('B');
      case CHAR -> out.append('C');
      case SHORT -> out.append('S');
      case INT -> out.append('I');
      case LONG -> out.append('J');
      case FLOAT -> out.append('F');
      case DOUBLE -> out.append('D');
      case VOID -> out.append('V');
      case ARRAY -> {
        out.append('[');
        return appendDescriptor(out, ((ArrayType) erased).getComponentType());
      }
      case DECLARED -> {
        TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
        out.append('L')
            .append(elements.getBinaryName(element).toString().replace('.', '/'))
            .append(';');
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** What one class file says, reduced to the {@code @Pinned} type annotations. */
  static final class ClassData {
    /** Fields by name, methods by name and descriptor ({@code tasks()Ljava/util/List;}). */
    final Map<String, MemberData> members = new HashMap<>();

    /** Type paths by clause: -1 the superclass, else the index of the interface. */
    final Map<Integer, List<String>> supertypes = new HashMap<>();

    boolean isEmpty() {
      return members.isEmpty() && supertypes.isEmpty();
    }

    MemberData member(String key) {
      return members.computeIfAbsent(key, k -> new MemberData());
    }
  }

  /** The {@code @Pinned} type annotations of one field or method. */
  static final class MemberData {
    /** In the field's type or the method's result. */
    final List<String> type = new ArrayList<>(1);

    final Map<Integer, List<String>> parameters = new HashMap<>();
    boolean receiverPinned;
  }
}
