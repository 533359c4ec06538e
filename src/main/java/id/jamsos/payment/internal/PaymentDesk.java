package id.jamsos.payment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where every channel (virtual account, cash, transfer) hands in money. Implementations record each payment exactly
 * once, allocate it, and settle the bills it covers, in one transaction.
 */
public interface PaymentDesk {

    /** The payer behind a virtual-account customer number and what a payment now must be; empty when unknown. */
    Optional<AmountDue> due(String customerNumber, LocalDate on);

    /**
     * Records a payment for the amount due (idempotent per channel and reference: the same reference again answers
     * the first outcome), allocates it to the payer's bills and settles those it covers.
     */
    Receipt receive(IncomingPayment payment);

    /**
     * The open virtual accounts on a day: payers with something due, those owing longest first, at most {@code limit}
     * (for the bank simulator's list and demos).
     */
    List<AmountDue> open(LocalDate on, int limit);
}
