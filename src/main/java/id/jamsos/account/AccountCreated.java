package id.jamsos.account;

import java.time.Instant;
import java.util.UUID;

/** An account came into being: a member registered, or an administrator created a staff account. */
public record AccountCreated(UUID accountId, Role role, Instant createdAt) {
}
