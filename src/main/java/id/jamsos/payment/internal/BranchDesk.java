package id.jamsos.payment.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import id.jamsos.payment.PaymentReversed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an officer does with money at the branch: cash with a numbered receipt, transfers by their bank reference
 * (into suspense when they match no payer), assigning suspense, reversing a wrong payment, closing the cash drawer.
 * Each is one transaction and audited.
 */
@Service
public class BranchDesk {

    /** The outcome of recording money at the branch. */
    public sealed interface Outcome {
        /** Recorded (now, or before by the same form or bank reference: {@code repeated}). */
        record Recorded(long paymentId, String receiptNumber, boolean repeated) implements Outcome {
        }

        /** A transfer matching no payer, kept in suspense. */
        record InSuspense(long paymentId, boolean repeated) implements Outcome {
        }

        record UnknownPayer() implements Outcome {
        }

        record DrawerClosed() implements Outcome {
        }
    }

    /** A suspense transfer waiting for a payer. */
    public record Suspended(long paymentId, String bank, String reference, Rupiah amount, LocalDate paidOn) {
    }

    private final JdbcPaymentDesk desk;
    private final Payers payers;
    private final PaymentBook book;
    private final CashDrawers drawers;
    private final ReceiptNumbers receipts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    BranchDesk(JdbcPaymentDesk desk, Payers payers, PaymentBook book, CashDrawers drawers, ReceiptNumbers receipts,
               AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.desk = desk;
        this.payers = payers;
        this.book = book;
        this.drawers = drawers;
        this.receipts = receipts;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Cash handed in at the counter; {@code formToken} makes a second click on the same form record nothing more. */
    @Transactional
    public Outcome cash(Officer officer, String customerNumber, Rupiah amount, String formToken) {
        Instant now = clock.instant();
        LocalDate today = JakartaTime.today(clock);
        String source = officer.id().toString();
        Optional<PaymentBook.StoredPayment> earlier = book.byReference(JdbcPaymentDesk.CASH, source, formToken);
        if (earlier.isPresent()) {
            return new Outcome.Recorded(earlier.get().id(), earlier.get().receiptNumber(), true);
        }
        if (payers.byCustomerNumber(customerNumber).isEmpty()) {
            return new Outcome.UnknownPayer();
        }
        if (!drawers.lockOpen(officer.id(), today, now)) {
            return new Outcome.DrawerClosed();
        }
        // A second click waited on the drawer lock: it finds the first payment and takes no receipt number.
        Optional<PaymentBook.StoredPayment> first = book.byReference(JdbcPaymentDesk.CASH, source, formToken);
        if (first.isPresent()) {
            return new Outcome.Recorded(first.get().id(), first.get().receiptNumber(), true);
        }
        String receiptNumber = receipts.next(today.getYear());
        Receipt receipt = desk.receive(new IncomingPayment(JdbcPaymentDesk.CASH, source, formToken, customerNumber,
                amount, now), officer.id(), receiptNumber);
        Receipt.Accepted accepted = (Receipt.Accepted) receipt;
        record(officer, "PAYMENT_CASH_RECORDED", accepted.paymentId(),
                Map.of("receipt", receiptNumber, "amount", String.valueOf(amount.value()), "payer", customerNumber));
        return new Outcome.Recorded(accepted.paymentId(), receiptNumber, accepted.repeated());
    }

    /** A bank transfer seen on the bank statement; without a matching payer it waits in suspense. */
    @Transactional
    public Outcome transfer(Officer officer, String bank, String bankReference, String customerNumber, Rupiah amount,
                            LocalDate paidOn) {
        Instant receivedAt = paidOn.atTime(12, 0).atZone(JakartaTime.ZONE).toInstant();
        book.lockReference(JdbcPaymentDesk.TRANSFER, bank, bankReference);
        Optional<PaymentBook.StoredPayment> earlier = book.byReference(JdbcPaymentDesk.TRANSFER, bank, bankReference);
        if (earlier.isPresent()) {
            return earlier.get().customerNumber() == null
                    ? new Outcome.InSuspense(earlier.get().id(), true)
                    : new Outcome.Recorded(earlier.get().id(), null, true);
        }
        Optional<KnownPayer> payer = customerNumber == null || customerNumber.isBlank() ? Optional.empty()
                : payers.byCustomerNumber(customerNumber);
        if (payer.isEmpty()) {
            long id = book.insert(new PaymentBook.NewPayment(JdbcPaymentDesk.TRANSFER, bank, bankReference, null,
                    amount, receivedAt, paidOn, officer.id(), null, null, null));
            record(officer, "PAYMENT_TRANSFER_SUSPENSE", id,
                    Map.of("bank", bank, "reference", bankReference, "amount", String.valueOf(amount.value())));
            return new Outcome.InSuspense(id, false);
        }
        Receipt.Accepted accepted = (Receipt.Accepted) desk.receive(new IncomingPayment(JdbcPaymentDesk.TRANSFER,
                bank, bankReference, payer.get().customerNumber(), amount, receivedAt), officer.id(), null);
        record(officer, "PAYMENT_TRANSFER_RECORDED", accepted.paymentId(), Map.of("bank", bank, "reference",
                bankReference, "amount", String.valueOf(amount.value()), "payer", payer.get().customerNumber()));
        return new Outcome.Recorded(accepted.paymentId(), null, accepted.repeated());
    }

    /** Transfers waiting for a payer, oldest first (at most 200). */
    @Transactional(readOnly = true)
    public List<Suspended> suspense() {
        return jdbc.sql("""
                        SELECT p.id, p.source, p.reference, p.amount, p.paid_on FROM payment.payment p
                         WHERE p.channel = 'TRANSFER' AND p.customer_number IS NULL
                           AND NOT EXISTS (SELECT 1 FROM payment.assignment a WHERE a.payment_id = p.id)
                           AND NOT EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = p.id)
                         ORDER BY p.id LIMIT 200""")
                .query((rs, row) -> new Suspended(rs.getLong("id"), rs.getString("source"), rs.getString("reference"),
                        Rupiah.of(rs.getLong("amount")), rs.getObject("paid_on", LocalDate.class))).list();
    }

    /** Assigns a suspense transfer to a payer and allocates it; false when it is not (or no longer) in suspense. */
    @Transactional
    public boolean assign(Officer officer, long paymentId, KnownPayer payer, String note) {
        if (note == null || note.isBlank() || note.strip().length() > 500) {
            throw new InvalidValue("payment.note.invalid");
        }
        payers.lock(payer);
        Optional<PaymentBook.StoredPayment> payment = book.byId(paymentId);
        jdbc.sql("SELECT id FROM payment.payment WHERE id = :id FOR UPDATE").param("id", paymentId)
                .query(Long.class).optional();
        if (payment.isEmpty() || !payment.get().channel().equals(JdbcPaymentDesk.TRANSFER)
                || payment.get().customerNumber() != null || book.reversalOf(paymentId).isPresent()) {
            return false;
        }
        int assigned = jdbc.sql("""
                        INSERT INTO payment.assignment (payment_id, customer_number, assigned_by, assigned_at, note)
                        VALUES (:p, :c, :by, :at, :note) ON CONFLICT (payment_id) DO NOTHING""")
                .param("p", paymentId).param("c", payer.customerNumber()).param("by", officer.id())
                .param("at", Timestamp.from(clock.instant())).param("note", note.strip()).update();
        if (assigned == 0) {
            return false;
        }
        book.keep(payer.customerNumber(), PaymentBook.Moves.assignment(paymentId, payment.get().amount()));
        record(officer, "PAYMENT_SUSPENSE_ASSIGNED", paymentId, Map.of("payer", payer.customerNumber(),
                "note", note.strip()));
        desk.applyCredit(payer, JakartaTime.today(clock));
        return true;
    }

    /** The outcome of a reversal. */
    public sealed interface Reversal {
        record Reversed(long reversalId, Rupiah owed) implements Reversal {
        }

        record NotReversible() implements Reversal {
        }

        record DrawerClosed() implements Reversal {
        }
    }

    /**
     * Reverses a wrong payment with a new negative payment (never an edit): allocations to bills still open are taken
     * back; money that already settled a bill cannot be (a settlement is final in the contribution module), so the
     * payer owes it again and it is added to what they must pay next. Cash goes back out of today's drawer.
     */
    @Transactional
    public Reversal reverse(Officer officer, long paymentId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidValue("payment.reason.invalid");
        }
        Optional<PaymentBook.StoredPayment> found = book.byId(paymentId);
        if (found.isEmpty() || found.get().channel().equals("REVERSAL")) {
            return new Reversal.NotReversible();
        }
        PaymentBook.StoredPayment payment = found.get();
        Instant now = clock.instant();
        LocalDate today = JakartaTime.today(clock);
        // The drawer before the payer, in the same order as recording cash, so the two never deadlock.
        if (payment.channel().equals(JdbcPaymentDesk.CASH) && !drawers.lockOpen(officer.id(), today, now)) {
            return new Reversal.DrawerClosed();
        }
        Optional<KnownPayer> payer = Optional.ofNullable(payment.customerNumber()).flatMap(payers::byCustomerNumber);
        payer.ifPresent(payers::lock);
        jdbc.sql("SELECT id FROM payment.payment WHERE id = :id FOR UPDATE").param("id", paymentId)
                .query(Long.class).single();
        if (book.reversalOf(paymentId).isPresent()) {
            return new Reversal.NotReversible();
        }
        long reversal = book.insert(new PaymentBook.NewPayment("REVERSAL", payment.channel(), String.valueOf(paymentId),
                payment.customerNumber(), Rupiah.ZERO.minus(payment.amount()), now, today, officer.id(), null,
                paymentId, reason.strip()));
        Rupiah owed = Rupiah.ZERO;
        List<PaymentBook.AllocationRow> takenBack = new ArrayList<>();
        for (PaymentBook.Allocated allocated : book.allocationsOf(paymentId)) {
            if (allocated.billSettled()) {
                owed = owed.plus(allocated.amount());
            } else if (!allocated.amount().isZero()) {
                takenBack.add(new PaymentBook.AllocationRow(reversal, allocated.billId(), allocated.part(),
                        Rupiah.ZERO.minus(allocated.amount()), false));
            }
        }
        book.allocate(payment.customerNumber(), takenBack, now);
        if (payment.customerNumber() != null) {
            book.keep(payment.customerNumber(), PaymentBook.Moves.reversal(paymentId, payment.amount(), takenBack));
        }
        record(officer, "PAYMENT_REVERSED", paymentId, Map.of("reversal", String.valueOf(reversal),
                "amount", String.valueOf(payment.amount().value()), "reason", reason.strip(),
                "owed", String.valueOf(owed.value())));
        Payer who = payer.map(KnownPayer::payer).orElse(null);
        if (who != null) {
            events.publishEvent(new PaymentReversed(reversal, paymentId, who, payment.amount(), owed, today,
                    reason.strip()));
        }
        return new Reversal.Reversed(reversal, owed);
    }

    /** Closes the officer's drawer for the day with the amount counted; a difference is recorded and audited. */
    @Transactional
    public Optional<CashDrawers.Drawer> closeDrawer(Officer officer, Rupiah counted, String note) {
        LocalDate today = JakartaTime.today(clock);
        Instant now = clock.instant();
        if (note != null && note.strip().length() > 500) {
            throw new InvalidValue("payment.note.invalid");
        }
        if (!drawers.lockOpen(officer.id(), today, now)) {
            return Optional.empty();
        }
        Rupiah recorded = drawers.recorded(officer.id(), today);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Rupiah difference = counted.minus(recorded);
        if (!difference.isZero() && cleanNote == null) {
            throw new InvalidValue("payment.drawer.note-required");
        }
        drawers.close(officer.id(), today, recorded, counted, cleanNote, now);
        audit.record(new AuditEntry(officer.id(), officer.email(),
                difference.isZero() ? "CASH_DRAWER_CLOSED" : "CASH_DRAWER_CLOSED_WITH_DIFFERENCE", "CASH_DRAWER",
                officer.id() + "/" + today, officer.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("recorded", String.valueOf(recorded.value()), "counted", String.valueOf(counted.value()),
                        "difference", String.valueOf(difference.value()))));
        return Optional.of(drawers.of(officer.id(), today));
    }

    private void record(Officer officer, String action, long paymentId, Map<String, String> details) {
        audit.record(new AuditEntry(officer.id(), officer.email(), action, "PAYMENT", String.valueOf(paymentId),
                officer.ipAddress(), AuditOutcome.SUCCESS, details));
    }
}
