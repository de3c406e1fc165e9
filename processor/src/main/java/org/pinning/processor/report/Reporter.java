package org.pinning.processor.report;

/**
 * Where rules send their findings. Under javac the plugin's reporter puts the caret on the
 * offending tree; under other compilers the processor's reporter goes through the {@code Messager}.
 * Both apply suppression and severity the same way ({@link Suppression}).
 */
public interface Reporter {
  void report(Finding finding);
}
