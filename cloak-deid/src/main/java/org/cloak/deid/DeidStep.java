package org.cloak.deid;

/**
 * One step of the engine's chain: the burned-in gate, the header rules, the pixel step (given by
 * a front end that wires an image library in), the markers. A step works on {@link StepContext}
 * and either lets the chain go on (null) or ends it with an outcome.
 */
@FunctionalInterface
public interface DeidStep {

    /** Null to go on to the next step, or the outcome that ends the chain for this data set. */
    Outcome apply(StepContext ctx);
}
