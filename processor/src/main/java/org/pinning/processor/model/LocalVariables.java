package org.pinning.processor.model;

import javax.lang.model.element.Element;

/** Which elements are local variables: names in one body, not places that outlive it. */
public final class LocalVariables {
  private LocalVariables() {}

  /** Locals, parameters, catch parameters, resources and pattern bindings. */
  public static boolean isLocal(Element element) {
    switch (element.getKind()) {
      case LOCAL_VARIABLE:
      case PARAMETER:
      case EXCEPTION_PARAMETER:
      case RESOURCE_VARIABLE:
      case BINDING_VARIABLE:
        return true;
      default:
        return false;
    }
  }
}
