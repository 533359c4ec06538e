package id.jamsos.audit.internal;

import java.util.Locale;

/**
 * What an administrator narrows the trail to: an exact action code and/or a piece of the actor's name. Blank means
 * "any"; both are trimmed and cut to the column limits so that a pasted essay cannot become a costly query.
 */
public record AuditFilter(String action, String actor) {

    private static final int MAX_LENGTH = 100;

    public AuditFilter {
        action = clean(action).toUpperCase(Locale.ROOT);
        actor = clean(actor);
    }

    public static AuditFilter none() {
        return new AuditFilter("", "");
    }

    boolean hasAction() {
        return !action.isEmpty();
    }

    boolean hasActor() {
        return !actor.isEmpty();
    }

    private static String clean(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
