package id.jamsos.payment.internal;

import id.jamsos.common.InvalidValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payer's choice of what their virtual account collects: all arrears (no open order), or — for an informal worker
 * — the arrears and 1, 3, 6 or 12 months ahead (RULES.md §3). Changed under the payer's lock, so a payment never
 * sees half a change.
 */
@Service
public class PaymentOrders {

    public static final Set<Integer> MONTHS_AHEAD = Set.of(1, 3, 6, 12);

    private final Payers payers;
    private final PaymentBook book;
    private final Clock clock;

    PaymentOrders(Payers payers, PaymentBook book, Clock clock) {
        this.payers = payers;
        this.book = book;
        this.clock = clock;
    }

    /** {@code monthsAhead} 0 means the arrears only. Refused for employers and for other numbers of months. */
    @Transactional
    public void choose(KnownPayer payer, int monthsAhead, UUID by) {
        if (monthsAhead != 0 && (!MONTHS_AHEAD.contains(monthsAhead) || payer.isEmployer())) {
            throw new InvalidValue("payment.months-ahead.invalid");
        }
        payers.lock(payer);
        Instant now = clock.instant();
        Optional<PaymentBook.Order> open = book.openOrder(payer.customerNumber());
        if (open.isPresent() && open.get().monthsAhead() == monthsAhead) {
            return;
        }
        open.ifPresent(order -> book.closeOrder(order.id(), "REPLACED", null, now));
        if (monthsAhead > 0) {
            book.openOrder(payer.customerNumber(), monthsAhead, by, now);
        }
    }

    @Transactional(readOnly = true)
    public int monthsAhead(KnownPayer payer) {
        return book.openOrder(payer.customerNumber()).map(PaymentBook.Order::monthsAhead).orElse(0);
    }
}
