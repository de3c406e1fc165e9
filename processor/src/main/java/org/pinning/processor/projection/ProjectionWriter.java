package org.pinning.processor.projection;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import org.pinning.processor.report.Reporter;

/**
 * Writes the projection class of a pinned type (DESIGN.md §5) through the {@code Filer}.
 * (Being written: see issue 2.)
 */
public final class ProjectionWriter {
  public ProjectionWriter(ProcessingEnvironment environment) {}

  /** Whether {@code type} gets a projection: pinned by its own annotation or with @Pinned fields. */
  public static boolean isProjected(TypeElement type) {
    return false;
  }

  /** Writes the projection of {@code type} if it gets one; problems go to {@code reporter}. */
  public void write(TypeElement type, Reporter reporter) {}
}
