package id.jamsos.employer.internal;

/** The file as a whole cannot be read as a wage report (wrong columns, too large, not CSV or XLSX): nothing is kept. */
public class WageFileRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    WageFileRefused(String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
