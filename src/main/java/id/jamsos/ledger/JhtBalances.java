package id.jamsos.ledger;

import id.jamsos.common.Rupiah;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules ask of the ledger: a member's JHT balance now (contributions received plus yield credited). */
public interface JhtBalances {

    /** At most this many members in one {@link #balances} question (a person's cards, never a bulk export). */
    int MAX_MEMBERS = 50;

    /** Empty when the member has no JHT account. */
    Optional<Rupiah> balance(UUID memberId);

    /**
     * The balances of several members in one query, for a person's several KPJ cards; a member without a JHT account
     * is absent from the answer. At most {@link #MAX_MEMBERS}.
     */
    Map<UUID, Rupiah> balances(Collection<UUID> memberIds);
}
