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
import java.util.Optional;
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

    /**
     * What an allocation will write, before anything is written: its rows (a row may draw on
     * {@link PaymentBook#NEW_PAYMENT}, the payment written with them) and the bills they complete, oldest first.
     */
    record Plan(List<PaymentBook.AllocationRow> rows, List<Completing> completing, Map<Long, Rupiah> drawn) {

        /** The plan with the payment it drew on as {@link PaymentBook#NEW_PAYMENT} named by its id. */
        Plan naming(long paymentId) {
            Map<Long, Rupiah> named = new HashMap<>();
            drawn.forEach((id, amount) -> named.put(id == PaymentBook.NEW_PAYMENT ? paymentId : id, amount));
            return new Plan(rows.stream().map(r -> r.paymentId() == PaymentBook.NEW_PAYMENT ? r.drawingOn(paymentId) : r)
                    .toList(), completing.stream().map(c -> c.lastPayment() == PaymentBook.NEW_PAYMENT
                    ? new Completing(c.bill(), paymentId) : c).toList(), Map.copyOf(named));
        }
    }

    /** A bill the plan pays in full, and the payment whose money completed it (the settlement's key). */
    record Completing(OpenBill bill, long lastPayment) {
    }

    private final PaymentBook book;
    private final Bills bills;

    Allocator(PaymentBook book, Bills bills) {
        this.book = book;
        this.bills = bills;
    }

    /**
     * Puts the payer's free money on their open bills and keeps their running money true; must run under the payer's
     * lock, {@code money} read under it.
     */
    Allocation allocate(Due due, PaymentBook.Standing money, LocalDate paidOn, Instant at) {
        Plan plan = plan(due, money.free());
        book.allocate(due.payer().customerNumber(), plan.rows(), at);
        book.keep(due.payer().customerNumber(), PaymentBook.Moves.of(money, Optional.empty(), plan.rows()));
        return settle(plan, paidOn);
    }

    /**
     * Where the payer's free money goes, written by nobody yet: the oldest bill first, its penalty and then its
     * contribution, each drawn from the oldest payment first. The caller writes {@link Plan#rows}, then
     * {@link #settle}s.
     */
    Plan plan(Due due, List<PaymentBook.Free> free) {
        Rupiah spendable = OpenBill.atLeastZero(due.balance());
        Deque<PaymentBook.Free> pool = new ArrayDeque<>(free);
        List<PaymentBook.AllocationRow> rows = new ArrayList<>();
        List<Completing> completing = new ArrayList<>();
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
            long last = take(pool, drawn, rows, bill.billId(), "PENALTY", penalty, false);
            last = Math.max(last, take(pool, drawn, rows, bill.billId(), "CONTRIBUTION", contribution, complete));
            if (complete) {
                completing.add(new Completing(bill, last));
            }
        }
        return new Plan(List.copyOf(rows), List.copyOf(completing), Map.copyOf(drawn));
    }

    /**
     * Settles the bills a plan completes, once its rows are written, through the contribution module under a key
     * derived from the payment that completed each (so the same payment never settles a bill twice).
     */
    Allocation settle(Plan plan, LocalDate paidOn) {
        List<SettledBill> settled = new ArrayList<>();
        for (Completing c : plan.completing()) {
            String key = "payment:" + c.lastPayment() + ":bill:" + c.bill().billId();
            Settlement outcome = bills.settle(c.bill().billId(), paidOn, key);
            if (outcome instanceof Settlement.Settled s) {
                settled.add(new SettledBill(c.bill().billId(), c.bill().period(), c.lastPayment(), s.contribution(),
                        s.penalty()));
            }
        }
        return new Allocation(List.copyOf(settled), plan.drawn());
    }

    /**
     * Plans rows of {@code amount} to one part of a bill from the pool, oldest payment first; the last row carries
     * {@code completes}. Answers the id of the last payment drawn on (0 when nothing was drawn: ids start at 1, and
     * {@link PaymentBook#NEW_PAYMENT}, the newest, is compared as the largest).
     */
    private long take(Deque<PaymentBook.Free> pool, Map<Long, Rupiah> drawn, List<PaymentBook.AllocationRow> rows,
                      long billId, String part, Rupiah amount, boolean completes) {
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
            rows.add(new PaymentBook.AllocationRow(free.paymentId(), billId, part, used, completes && left.isZero()));
            drawn.merge(free.paymentId(), used, Rupiah::plus);
            last = free.paymentId();
        }
        return last;
    }
}
