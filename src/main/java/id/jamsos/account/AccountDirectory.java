package id.jamsos.account;

import java.util.Optional;
import java.util.UUID;

/** Who an account is, for modules that link accounts to their records (an employer's administrators). */
public interface AccountDirectory {

    /** An account as other modules may see it: no password, no contact details beyond the e-mail. */
    record KnownAccount(UUID id, String fullName, String email, Role role) {
    }

    /** By the e-mail address it signs in with (compared as stored: lower case, trimmed). */
    Optional<KnownAccount> byEmail(String email);

    Optional<KnownAccount> byId(UUID id);
}
