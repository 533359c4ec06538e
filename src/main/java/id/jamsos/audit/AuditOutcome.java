package id.jamsos.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    /** Refused before it was tried: throttled, forbidden, or a missing challenge. */
    DENIED
}
