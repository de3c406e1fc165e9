package org.pinning.processor.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.TypeReference;
import org.pinning.processor.model.ClassFileTypeAnnotations.ClassData;
import org.pinning.processor.model.ClassFileTypeAnnotations.MemberData;

/**
 * Parses one class file with ASM into the {@code @Pinned} type annotations of its supertype
 * clauses, fields and methods (their {@code RuntimeInvisibleTypeAnnotations}: the annotation is
 * retained in class files, not at run time). Code, debug information and frames are skipped.
 */
final class ClassFileParser extends ClassVisitor {
  private static final String PINNED = "Lorg/pinning/Pinned;";

  private final ClassData data = new ClassData();

  private ClassFileParser() {
    super(Opcodes.ASM9);
  }

  /** The {@code @Pinned} type annotations of the class file {@code in}. */
  static ClassData parse(InputStream in) throws IOException {
    ClassFileParser parser = new ClassFileParser();
    new ClassReader(in)
        .accept(parser, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return parser.data;
  }

  @Override
  public AnnotationVisitor visitTypeAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    TypeReference reference = new TypeReference(typeRef);
    if (PINNED.equals(descriptor) && reference.getSort() == TypeReference.CLASS_EXTENDS) {
      // -1 (65535 in the class file) is the superclass, as in ClassData.supertypes
      data.supertypes
          .computeIfAbsent(reference.getSuperTypeIndex(), i -> new ArrayList<>(1))
          .add(path(typePath));
    }
    return null;
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    return new FieldVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitTypeAnnotation(
          int typeRef, TypePath typePath, String annotation, boolean visible) {
        if (PINNED.equals(annotation)) {
          add(data.member(name), typeRef, typePath);
        }
        return null;
      }
    };
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    String key = name + descriptor;
    return new MethodVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitTypeAnnotation(
          int typeRef, TypePath typePath, String annotation, boolean visible) {
        if (PINNED.equals(annotation)) {
          add(data.member(key), typeRef, typePath);
        }
        return null;
      }
    };
  }

  private static void add(MemberData member, int typeRef, TypePath typePath) {
    TypeReference reference = new TypeReference(typeRef);
    String path = path(typePath);
    switch (reference.getSort()) {
      case TypeReference.FIELD, TypeReference.METHOD_RETURN -> member.type.add(path);
      case TypeReference.METHOD_FORMAL_PARAMETER ->
          member
              .parameters
              .computeIfAbsent(reference.getFormalParameterIndex(), i -> new ArrayList<>(1))
              .add(path);
      case TypeReference.METHOD_RECEIVER -> member.receiverPinned |= path.isEmpty();
      default -> {
        // type parameters, bounds, throws clauses: nothing the pin rules read from class files
      }
    }
  }

  /** ASM's notation of a type path: {@code "0;"}, {@code "1;0;"}, {@code "0;*"}; "" for none. */
  private static String path(TypePath typePath) {
    return typePath == null ? "" : typePath.toString();
  }
}
