package id.jamsos.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's several KPJ cards (job changes): their own membership and the older cards registered for them (by an
 * employer, or before online activation) that they linked to their account by proving the card's NIK and birth date.
 * Nobody else's card can ever be linked or listed.
 */
public interface MemberCards {

    /** At most this many failed attempts per account in an hour; then linking waits. */
    int ATTEMPTS_PER_HOUR = 5;

    /** What a link attempt came to. A refusal never says why (wrong KPJ, NIK, birth date or someone else's card). */
    sealed interface LinkOutcome {
        record Linked(Member card) implements LinkOutcome {
        }

        record Refused() implements LinkOutcome {
        }

        /** Too many failed attempts in the last hour; the next is accepted from {@code retryFrom}. */
        record Throttled(Instant retryFrom) implements LinkOutcome {
        }
    }

    /**
     * Links the card with this KPJ to the account when it is the account holder's own: the same NIK (compared by its
     * keyed hash) and the same date of birth as their membership, and no account holds it yet. Counted and audited.
     *
     * @param actor     the account's e-mail, for the audit trail
     * @param ipAddress the client's address, for the audit trail
     */
    LinkOutcome link(UUID accountId, String actor, String ipAddress, String kpj, String nik, String birthDate);

    /** The account's cards: its own membership first, then the linked cards in the order they were linked. */
    List<Member> cardsOf(UUID accountId);
}
