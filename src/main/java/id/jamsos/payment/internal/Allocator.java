package id.jamsos.payment.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Settlement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Puts a payer's free money on their open bills: the oldest bill first, its penalty first and then its contribution
 * (the money goes where it stops the penalty growing); a bill fully covered is settled through the contribution
 * module under a key derived from the payment that completed it, so the same payment never settles twice. Money is
 * taken from the payer's payments oldest first; what is left stays as credit for the next bill.
 */
@Component
class Allocator {

    /** A bill this allocation settled. */
    record SettledBill(long billId, Period period, long paymentId, Rupiah contribution, Rupiah penalty) {
    }

    /** What an allocation did: the bills it settled, and how much it drew on each payment. */
    record Allocation(List<SettledBill> settled, Map<Long, Rupiah> drawn) {

        Rupiah drawnOn(long paymentId) {
            return drawn.getOrDefault(paymentId, Rupiah.ZERO);
        }
    }

    private final PaymentBook book;
    private final Bills bills;

    Allocator(PaymentBook book, Bills bills) {
        this.book = book;
        this.bills = bills;
    }

    /** Must run under the payer's lock; {@code free} is the payer's free money, oldest payment first. */
    Allocation allocate(Due due, List<PaymentBook.Free> free, LocalDate paidOn, Instant at) {
        String customer = due.payer().customerNumber();
        Rupiah spendable = OpenBill.atLeastZero(due.balance());
        Deque<PaymentBook.Free> pool = new ArrayDeque<>(free);
        List<SettledBill> settled = new ArrayList<>();
        Map<Long, Rupiah> drawn = new HashMap<>();
        for (OpenBill bill : due.bills()) {
            if (spendable.isZero() || pool.isEmpty()) {
                break;
            }
            if (bill.left().isZero()) {
                continue;
            }
            Rupiah penalty = bill.penaltyLeft().min(spendable);
            spendable = spendable.minus(penalty);
            Rupiah contribution = bill.contributionLeft().min(spendable);
            spendable = spendable.minus(contribution);
            boolean complete = penalty.plus(contribution).equals(bill.left());
            long last = take(pool, drawn, customer, bill.billId(), "PENALTY", penalty, at, false);
            last = Math.max(last, take(pool, drawn, customer, bill.billId(), "CONTRIBUTION", contribution, at,
                    complete));
            if (complete) {
                String key = "payment:" + last + ":bill:" + bill.billId();
                Settlement outcome = bills.settle(bill.billId(), paidOn, key);
                if (outcome instanceof Settlement.Settled s) {
                    settled.add(new SettledBill(bill.billId(), bill.period(), last, s.contribution(), s.penalty()));
                }
            }
        }
        return new Allocation(List.copyOf(settled), Map.copyOf(drawn));
    }

    /**
     * Writes allocations of {@code amount} to one part of a bill from the pool, oldest payment first; the last row
     * carries {@code completes}. Answers the id of the last payment drawn on (0 when nothing was drawn).
     */
    private long take(Deque<PaymentBook.Free> pool, Map<Long, Rupiah> drawn, String customer, long billId,
                      String part, Rupiah amount, Instant at, boolean completes) {
        long last = 0;
        Rupiah left = amount;
        while (!left.isZero()) {
            PaymentBook.Free free = pool.pollFirst();
            if (free == null) {
                throw new IllegalStateException("allocation beyond the payer's free money");
            }
            Rupiah used = free.amount().min(left);
            left = left.minus(used);
            if (free.amount().isGreaterThan(used)) {
                pool.addFirst(new PaymentBook.Free(free.paymentId(), free.amount().minus(used)));
            }
            book.allocate(free.paymentId(), customer, billId, part, used, at, completes && left.isZero());
            drawn.merge(free.paymentId(), used, Rupiah::plus);
            last = free.paymentId();
        }
        return last;
    }
}
