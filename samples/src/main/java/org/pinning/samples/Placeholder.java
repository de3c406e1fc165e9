package org.pinning.samples;

/** Placeholder until the samples land (issue 4). */
public final class Placeholder {
  private Placeholder() {}
}
