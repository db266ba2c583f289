package org.cloak.deid;

import java.util.List;
import org.cloak.deid.audit.AuditEvent;

/** The outcome for one data set and the changes made to it. */
public record DeidResult(Outcome outcome, List<AuditEvent> events) {

    public long count(AuditEvent.Change change) {
        return events.stream().filter(e -> e.change() == change).count();
    }
}
