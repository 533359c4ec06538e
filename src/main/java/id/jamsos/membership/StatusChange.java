package id.jamsos.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a member's status history: a lapse or a reactivation, who decided it, when and why. */
public record StatusChange(MemberStatus status, LocalDate effective, String reason, UUID byAccountId, String byActor,
                           Instant recordedAt) {

    /**
     * The reason without its detail, a message key suffix ({@code reactivation.history.<code>}): a reason may carry
     * one detail after a colon, e.g. {@code NEW_EMPLOYMENT:12345678} names the new employer's NPP.
     */
    public String reasonCode() {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** The detail after the colon (the message's argument), or an empty text. */
    public String reasonDetail() {
        int colon = reason.indexOf(':');
        return colon < 0 ? "" : reason.substring(colon + 1);
    }
}
