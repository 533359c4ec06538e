package id.jamsos.platform.internal;

/**
 * A reason the platform cannot start that a person can fix: said in one line, with the action to take, and
 * reported by {@link StartupFailureAnalyzer} without a stack trace.
 */
public class StartupFailure extends RuntimeException {

    private final String action;

    StartupFailure(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
