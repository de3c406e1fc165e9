package org.pinning.processor.javac;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's own {@link ProcessingEnvironment} under the wrappers build tools put around it:
 * IntelliJ's {@link Proxy} (its handler holds the real one), Gradle's incremental processing
 * ({@code delegate}), Kotlin's kapt ({@code processingEnv}). Only javac's environment leads to a
 * {@link JavacTask}, and so to the plugin.
 */
public final class EnvironmentUnwrapper {
  private static final String JAVAC_ENVIRONMENT =
      "com.sun.tools.javac.processing.JavacProcessingEnvironment";
  private static final int MAX_DEPTH = 8;

  private EnvironmentUnwrapper() {}

  /** The {@link JavacTask} behind {@code environment}, or null under another compiler. */
  public static JavacTask javacTask(ProcessingEnvironment environment) {
    ProcessingEnvironment javac = unwrap(environment);
    if (javac == null) {
      return null;
    }
    try {
      return JavacTask.instance(javac);
    } catch (RuntimeException | LinkageError e) {
      return null; // not javac after all, or a JDK without the compiler API
    }
  }

  /** javac's own environment under any wrappers, or null when there is none. */
  public static ProcessingEnvironment unwrap(ProcessingEnvironment environment) {
    Object current = environment;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (current.getClass().getName().equals(JAVAC_ENVIRONMENT)) {
        return (ProcessingEnvironment) current;
      }
      current = wrapped(current);
    }
    return null;
  }

  /** The environment {@code wrapper} delegates to, or null. */
  private static Object wrapped(Object wrapper) {
    Object holder = wrapper;
    if (Proxy.isProxyClass(wrapper.getClass())) {
      InvocationHandler handler = Proxy.getInvocationHandler(wrapper);
      holder = handler;
    }
    for (Class<?> type = holder.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        Object value = environmentIn(field, holder);
        if (value != null && value != wrapper) {
          return value;
        }
      }
    }
    return null;
  }

  private static Object environmentIn(Field field, Object holder) {
    if (!ProcessingEnvironment.class.isAssignableFrom(field.getType())
        && !field.getType().equals(Object.class)) {
      return null;
    }
    try {
      field.setAccessible(true);
      Object value = field.get(holder);
      return value instanceof ProcessingEnvironment ? value : null;
    } catch (RuntimeException | IllegalAccessException e) {
      return null; // a module that does not open the field: not a wrapper we can see through
    }
  }
}
