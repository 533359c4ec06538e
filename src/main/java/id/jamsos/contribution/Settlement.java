package id.jamsos.contribution;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;

/** The outcome of settling a bill. */
public sealed interface Settlement {

    /** Paid (now, or earlier under the same idempotency key): the contribution and the penalty charged with it. */
    record Settled(long billId, LocalDate paidOn, Rupiah contribution, Rupiah penalty, boolean repeated)
            implements Settlement {
    }

    /** The bill was already paid under another key: nothing changed. */
    record AlreadyPaid(long billId, LocalDate paidOn) implements Settlement {
    }

    /** No such bill. */
    record UnknownBill(long billId) implements Settlement {
    }
}
