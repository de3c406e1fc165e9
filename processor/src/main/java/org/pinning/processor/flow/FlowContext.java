package org.pinning.processor.flow;

import com.sun.source.util.Trees;
import javax.lang.model.element.Name;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;
import org.pinning.processor.model.PinModel;

/**
 * What the analysis of every class of one compilation shares: javac's trees and the cached pin
 * facts it asks.
 *
 * @param names the names the analysis compares on every node, looked up once: javac's names
 *     compare by identity
 */
public record FlowContext(
    Trees trees,
    PinModel model,
    ContainerTypes containers,
    FunctionalTypes functionalTypes,
    BorrowingModel borrowing,
    Names names) {

  /** {@code this} and {@code super}, as javac names them. */
  public record Names(Name thisName, Name superName) {}
}
