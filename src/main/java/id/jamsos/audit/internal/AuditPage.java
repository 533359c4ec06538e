package id.jamsos.audit.internal;

import java.util.List;

/** One page of the trail, newest first. {@code number} starts at 1. */
public record AuditPage(List<AuditEventRow> events, int number, boolean hasNext) {

    public AuditPage {
        events = List.copyOf(events);
    }

    public boolean hasPrevious() {
        return number > 1;
    }
}
