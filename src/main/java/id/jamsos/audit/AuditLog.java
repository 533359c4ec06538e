package id.jamsos.audit;

/** Appends to the audit trail, inside the caller's transaction when there is one. */
public interface AuditLog {

    void record(AuditEntry entry);
}
