package org.pinning.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import org.pinning.processor.javac.OptionsHandoff;
import org.pinning.processor.javac.PinTaskListener;
import org.pinning.processor.options.PinOptions;

/**
 * The javac plugin that runs every pin rule (DESIGN.md §8). javac starts it from the processor path
 * with no flag ({@link #autoStart()}); {@code -Xplugin:Pinning severity=warning ...} starts it with
 * options, for builds that run no annotation processing ({@code -proc:none}).
 */
@AutoService(Plugin.class)
public final class PinPlugin implements Plugin {
  /** The name {@code -Xplugin:} knows it by. */
  public static final String NAME = "Pinning";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean autoStart() {
    return true;
  }

  @Override
  public void init(JavacTask task, String... args) {
    OptionsHandoff.pluginStarted(task);
    task.addTaskListener(new PinTaskListener(task, PinOptions.fromPluginArguments(args)));
  }
}
