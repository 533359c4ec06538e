package id.jamsos.contribution;

import java.time.LocalDate;
import java.util.List;

/** What other modules ask of bills: settle one (the payments module) and a payer's arrears. */
public interface Bills {

    /**
     * Records that a bill was paid on {@code paidOn}, once: the same key again answers the first outcome; a bill paid
     * under another key is not paid again. A PU bill paid after its due date carries the late penalty (RULES.md §4),
     * written as penalty lines. Publishes {@link BillSettled}.
     */
    Settlement settle(long billId, LocalDate paidOn, String idempotencyKey);

    /** Every bill issued to the payer by {@code asOf} and not paid by then, with penalties as of that day. */
    ArrearsStatement arrears(Payer payer, LocalDate asOf);

    /**
     * The same, for a payment that may settle them: the bills are locked until the caller's transaction ends (which
     * must be running), and {@link #settle} of one of them in that transaction reads it no more.
     */
    ArrearsStatement arrearsLocked(Payer payer, LocalDate asOf);

    /**
     * Payers with a bill issued by {@code asOf} and not settled by then, those with the oldest such bill first, at most
     * {@code limit} (the bank simulator lists open virtual accounts from it).
     */
    List<Payer> inArrears(LocalDate asOf, int limit);

    /**
     * Bills of the category due between {@code from} and {@code to} (inclusive) and not paid as of {@code asOf}, by
     * id; at most {@code limit}, for reminders that walk through them in pages ({@code afterId}).
     */
    List<DueBill> unpaidDue(Category category, LocalDate from, LocalDate to, LocalDate asOf, long afterId, int limit);
}
