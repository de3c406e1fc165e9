package org.pinning.processor.javac;

import com.sun.source.util.JavacTask;
import java.util.Map;
import java.util.WeakHashMap;
import javax.annotation.processing.Filer;

/**
 * The meeting point of the processor and the plugin of one compilation, keyed by its {@link
 * JavacTask} (DESIGN.md §7–§8). The plugin starts first and registers; the processor then learns
 * that the plugin will check this compilation and leaves its {@code -A} options here; the plugin
 * reads them at its first {@code ANALYZE} event.
 *
 * <p>The only static mutable state of the project: Maven's {@code -T} runs several compilations in
 * one JVM, so every entry belongs to one task and goes away with it.
 */
public final class OptionsHandoff {
  private static final Map<JavacTask, Entry> ENTRIES = new WeakHashMap<>();

  private OptionsHandoff() {}

  /** What the processor of one compilation left for its plugin. */
  private static final class Entry {
    Map<String, String> processorOptions;

    /** The processor's way to the class path: on JDK 17 the only public one (see below). */
    Filer filer;
  }

  /** Called by the plugin when javac starts it for {@code task}. */
  public static synchronized void pluginStarted(JavacTask task) {
    if (!ENTRIES.containsKey(task)) {
      ENTRIES.put(task, new Entry());
    }
  }

  /**
   * Called by the processor: leaves its options for the plugin of {@code task} and tells whether
   * that plugin runs (if not, the processor must check the declarations itself). The processor's
   * {@code filer} lets the plugin read class files on JDK 17, which has no {@code
   * Elements.getFileObjectOf} ({@code model.ClassFileTypeAnnotations}).
   */
  public static synchronized boolean offer(
      JavacTask task, Map<String, String> options, Filer filer) {
    Entry entry = ENTRIES.get(task);
    if (entry == null) {
      return false;
    }
    entry.processorOptions = Map.copyOf(options);
    entry.filer = filer;
    return true;
  }

  /** The processor's {@code Filer} for {@code task}, or null when no processor ran. */
  public static synchronized Filer processorFiler(JavacTask task) {
    Entry entry = ENTRIES.get(task);
    return entry == null ? null : entry.filer;
  }

  /** The processor's options for {@code task}, or null when no processor ran. */
  public static synchronized Map<String, String> processorOptions(JavacTask task) {
    Entry entry = ENTRIES.get(task);
    return entry == null ? null : entry.processorOptions;
  }
}
