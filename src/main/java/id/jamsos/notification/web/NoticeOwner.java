package id.jamsos.notification.web;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * The account a request is signed in as. The notification module cannot see the account module (which sends its
 * e-mails through this one), so it reads the principal's name: the account module names every signed-in principal
 * by its account id ({@code SignedInAccount.getName()}).
 */
final class NoticeOwner {

    private NoticeOwner() {
    }

    static Optional<UUID> of(Principal principal) {
        return principal == null ? Optional.empty() : uuid(principal.getName());
    }

    /** A notice id or account id as typed; anything else is absent (answered 404, like an unknown id). */
    static Optional<UUID> uuid(String typed) {
        if (typed == null || typed.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(typed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
