package id.jamsos.payment.internal;

import java.util.UUID;

/** The officer acting at the branch, for the payment rows and the audit trail. */
public record Officer(UUID id, String email, String ipAddress) {
}
