package id.jamsos.account.internal;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An account as stored. The password hash never leaves this module. */
record Account(UUID id, String email, String fullName, String mobileNumber, String passwordHash, Role role,
               String language, Instant emailVerifiedAt, Instant createdAt) {

    boolean verified() {
        return emailVerifiedAt != null;
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    SignedInAccount signedIn() {
        return new SignedInAccount(id, fullName, email, role);
    }
}
