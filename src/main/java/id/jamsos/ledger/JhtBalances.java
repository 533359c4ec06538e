package id.jamsos.ledger;

import id.jamsos.common.Rupiah;
import java.util.Optional;
import java.util.UUID;

/** What other modules ask of the ledger: a member's JHT balance now (contributions received plus yield credited). */
public interface JhtBalances {

    /** Empty when the member has no JHT account. */
    Optional<Rupiah> balance(UUID memberId);
}
