package id.jamsos.employer.internal;

import java.util.UUID;

/** Who acts (an officer, an administrator, an employer's administrator), for the audit trail. */
public record Actor(UUID accountId, String email, String ipAddress) {
}
