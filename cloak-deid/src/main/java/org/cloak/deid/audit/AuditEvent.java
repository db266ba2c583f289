package org.cloak.deid.audit;

import java.io.Serializable;

/**
 * One change to one attribute.
 *
 * @param path attribute path, e.g. "(0008,1111)[0](0008,1155)"
 * @param keyword the attribute's keyword, or the private creator in brackets
 * @param change REMOVED, MODIFIED or ADDED
 * @param action the action code that decided it
 * @param origin the rule's origin
 * @param oldValue the original value, only when values are recorded (PHI), else null
 * @param newValue the new value, only when values are recorded, else null
 */
public record AuditEvent(String path, String keyword, Change change, String action, String origin,
                         String oldValue, String newValue) implements Serializable {

    public enum Change { REMOVED, MODIFIED, ADDED }
}
