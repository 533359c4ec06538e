package id.jamsos.payment.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.MonthsAhead;
import id.jamsos.payment.PaymentReceived;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment desk in PostgreSQL. Every payment of a payer runs under the lock of the payer's row, so what is due is
 * computed and paid by one transaction at a time: of many payments for one order exactly one is accepted and the
 * others find nothing due. A payer's first payment has no row to lock: it writes the row with the payment, in one
 * statement that pays only if it wrote the row; of first payments side by side one writes it, and the others wait
 * for it and are taken again under its lock. The unique (channel, source, reference) makes a repeated reference answer the first
 * outcome instead of paying twice.
 */
@Service
public class JdbcPaymentDesk implements PaymentDesk {

    public static final String VIRTUAL_ACCOUNT = "VIRTUAL_ACCOUNT";
    public static final String CASH = "CASH";
    public static final String TRANSFER = "TRANSFER";
    static final Set<String> CHANNELS = Set.of(VIRTUAL_ACCOUNT, CASH, TRANSFER);

    /** A payment larger than this is a typing error, not a contribution (above a year of the largest PU bill). */
    static final Rupiah MOST = Rupiah.of(100_000_000_000L);

    private final Payers payers;
    private final PaymentBook book;
    private final Allocator allocator;
    private final Bills bills;
    private final MonthsAhead monthsAhead;
    private final PaymentMail mail;
    private final PaymentNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcPaymentDesk(Payers payers, PaymentBook book, Allocator allocator, Bills bills, MonthsAhead monthsAhead,
                    PaymentMail mail, PaymentNotices notices, ApplicationEventPublisher events, Clock clock) {
        this.payers = payers;
        this.book = book;
        this.allocator = allocator;
        this.bills = bills;
        this.monthsAhead = monthsAhead;
        this.mail = mail;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AmountDue> due(String customerNumber, LocalDate on) {
        Optional<PaymentBook.PayerMoney> known = book.money(customerNumber);
        if (known.isPresent()) {
            return Optional.of(reckon(known.get().payer(), on, known.get().standing()).due().toAmountDue());
        }
        // A payer without a payer row has no money in the book: every table of it refers to the row.
        return payers.registered(customerNumber)
                .map(payer -> reckon(payer, on, PaymentBook.Standing.NONE).due().toAmountDue());
    }

    /** Everything a payer owes on a day, for the pages. */
    @Transactional(readOnly = true)
    public Due dueOf(KnownPayer payer, LocalDate on) {
        return reckon(payer, on).due();
    }

    /** What the payer owes, and where the payer's money stands (the free money an allocation draws on). */
    private record Reckoning(Due due, PaymentBook.Standing money) {
    }

    /** Where the payer's money stands (one statement), then the payer's bills (contribution module). */
    private Reckoning reckon(KnownPayer payer, LocalDate on) {
        return reckon(payer, on, book.money(payer.customerNumber()).map(PaymentBook.PayerMoney::standing)
                .orElse(PaymentBook.Standing.NONE));
    }

    /** The payer's open bills with what {@code money} paid towards each, for a page (nothing is locked). */
    private Reckoning reckon(KnownPayer payer, LocalDate on, PaymentBook.Standing money) {
        return reckon(payer, money, bills.arrears(payer.payer(), on), on);
    }

    /**
     * The same for a payment that may settle them: the bills are locked with this read until the commit, so
     * settling one of them needs no read of its own.
     */
    private Reckoning reckonToPay(KnownPayer payer, LocalDate on, PaymentBook.Standing money) {
        return reckon(payer, money, bills.arrearsLocked(payer.payer(), on), on);
    }

    private Reckoning reckon(KnownPayer payer, PaymentBook.Standing money, ArrearsStatement arrears, LocalDate on) {
        List<OpenBill> open = arrears.bills().stream().map(b -> {
            Rupiah[] towards = money.paidTowards().getOrDefault(b.billId(), new Rupiah[] {Rupiah.ZERO, Rupiah.ZERO});
            return new OpenBill(b.billId(), b.period(), b.penalty(), b.contribution(), towards[0], towards[1]);
        }).toList();
        Optional<PaymentBook.Order> order = money.order();
        List<MonthsAhead.MonthAhead> ahead = order.filter(o -> payer.payer().memberId() != null)
                .map(o -> monthsAhead.monthsAhead(payer.payer().memberId(), on, o.monthsAhead()))
                .orElse(List.of());
        return new Reckoning(new Due(payer, open, ahead, money.balance(), order.map(PaymentBook.Order::id)), money);
    }

    @Override
    @Transactional
    public Receipt receive(IncomingPayment payment) {
        return receive(payment, null, null);
    }

    /**
     * Records a payment; a branch payment (cash or transfer, {@code officer} set) may be any positive amount — partial
     * or more than due — and a cash payment gets {@code receiptNumber}.
     */
    @Transactional
    public Receipt receive(IncomingPayment payment, UUID officer, String receiptNumber) {
        return receive(payment, officer, receiptNumber, true);
    }

    private Receipt receive(IncomingPayment payment, UUID officer, String receiptNumber, boolean firstTry) {
        check(payment);
        // Two deliveries of one reference for one payer meet at the payer's lock: the second finds the first's
        // payment with the lock. For different payers they meet at the reference's unique index when it is written.
        // The lock, the earlier payment and the payer's money are one round trip; the bills are read under the lock
        // (a first payment's are not, and it pays only if it writes the payer's row: below).
        Optional<PaymentBook.PayerMoney> known = book.lockedMoney(payment.customerNumber(), payment.channel(),
                payment.source(), payment.reference());
        KnownPayer firstPayer = null;
        if (known.isEmpty()) {
            // A first payment: the payer is in a register but has no payer row yet, so no money either (every table
            // of a payer's money refers to the row).
            Optional<KnownPayer> registered = payers.registered(payment.customerNumber());
            if (registered.isEmpty()) {
                return new Receipt.UnknownPayer(payment.customerNumber());
            }
            if (firstTry) {
                // The row is written with the payment, by one statement (below), which pays only if it wrote it.
                firstPayer = registered.get();
            } else if (!payers.lockNew(registered.get())) {
                known = book.lockedMoney(payment.customerNumber(), payment.channel(), payment.source(),
                        payment.reference());
            }
            if (known.isEmpty()) {
                known = Optional.of(new PaymentBook.PayerMoney(registered.get(), Optional.empty(),
                        PaymentBook.Standing.NONE));
            }
        }
        Optional<PaymentBook.Earlier> earlier = known.orElseThrow().earlier();
        if (earlier.isPresent()) {
            return new Receipt.Accepted(earlier.get().id(), earlier.get().amount(), true);
        }
        KnownPayer payer = known.get().payer();
        LocalDate paidOn = payment.receivedAt().atZone(JakartaTime.ZONE).toLocalDate();
        // A first payment holds no payer lock yet: its bills are locked when they are settled, after its payer row
        // is written, so it never holds a bill while it waits for a payer row. Every payment takes the payer first,
        // then the bills; a first payment taken again under the payer's lock locks them with its read.
        Reckoning reckoning = firstPayer != null ? reckon(payer, paidOn, known.get().standing())
                : reckonToPay(payer, paidOn, known.get().standing());
        Due due = reckoning.due();
        if (payment.channel().equals(VIRTUAL_ACCOUNT)) {
            boolean refused = due.amount().isZero() || !due.amount().equals(payment.amount());
            if (refused && firstPayer != null) {
                // Read without a lock: a first payment committed meanwhile (this very one, delivered twice, perhaps)
                // may be why. A refusal is decided under the row's lock, as for any payer.
                return receive(payment, officer, receiptNumber, false);
            }
            if (due.amount().isZero()) {
                return new Receipt.NothingDue(payment.customerNumber());
            }
            if (!due.amount().equals(payment.amount())) {
                return new Receipt.WrongAmount(due.amount(), payment.amount());
            }
        }
        // The allocation is planned before the payment is written, so both are written by one statement.
        Instant at = clock.instant();
        Due after = new Due(payer, due.bills(), due.ahead(), due.balance().plus(payment.amount()), due.orderId());
        Allocator.Plan plan = allocator.plan(after, reckoning.money()
                .freeWith(new PaymentBook.Free(PaymentBook.NEW_PAYMENT, payment.amount())));
        PaymentBook.NewPayment newPayment = new PaymentBook.NewPayment(payment.channel(), payment.source(),
                payment.reference(), payer.customerNumber(), payment.amount(), payment.receivedAt(), paidOn, officer,
                receiptNumber, null, null);
        Optional<Long> written;
        if (firstPayer != null) {
            PaymentBook.FirstPayment first = book.insertFirst(firstPayer, at, newPayment, plan.rows(), at);
            if (!first.payerWritten()) {
                // Another transaction wrote the payer's row meanwhile (so nothing was written here), and has
                // committed: taken again as a payment of a payer with a row, under its lock.
                return receive(payment, officer, receiptNumber, false);
            }
            written = first.paymentId();
        } else {
            written = book.insertNew(newPayment, plan.rows(), at);
        }
        if (written.isEmpty()) {
            // Recorded meanwhile for another payer (nothing of this payer's money was touched yet): its outcome.
            PaymentBook.StoredPayment first = book.byReference(payment.channel(), payment.source(),
                    payment.reference()).orElseThrow();
            return new Receipt.Accepted(first.id(), first.amount(), true);
        }
        long id = written.get();
        Allocator.Plan named = plan.naming(id);
        book.keep(payer.customerNumber(), PaymentBook.Moves.of(reckoning.money(),
                Optional.of(new PaymentBook.Free(id, payment.amount())), named.rows()));
        due.orderId().ifPresent(order -> book.closeOrder(order, "PAID", id, at));
        tell(after, allocator.settle(named, paidOn), paidOn, id, payment.channel(), payment.source(),
                payment.amount());
        return new Receipt.Accepted(id, payment.amount(), false);
    }

    /** Money that waited in suspense or as credit is allocated to the payer's open bills (under the payer's lock). */
    @Transactional
    public List<Allocator.SettledBill> applyCredit(KnownPayer payer, LocalDate on) {
        payers.lock(payer);
        Reckoning reckoning = reckonToPay(payer, on, book.money(payer.customerNumber())
                .map(PaymentBook.PayerMoney::standing).orElse(PaymentBook.Standing.NONE));
        Due due = reckoning.due();
        if (due.credit().isZero() || due.bills().isEmpty()) {
            return List.of();
        }
        List<Allocator.SettledBill> settled = allocator.allocate(due, reckoning.money(), on, clock.instant())
                .settled();
        if (!settled.isEmpty()) {
            List<UUID> accounts = mail.accountsOf(payer.payer());
            mail.settled(accounts, payer, settled, on);
            notices.settled(accounts, payer, settled);
        }
        return settled;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AmountDue> open(LocalDate on, int limit) {
        return bills.inArrears(on, limit).stream().map(payers::of).flatMap(Optional::stream)
                .map(payer -> dueOf(payer, on).toAmountDue()).filter(due -> !due.amount().isZero()).toList();
    }

    private void tell(Due due, Allocator.Allocation allocation, LocalDate paidOn, long paymentId, String channel,
                      String source, Rupiah amount) {
        List<Allocator.SettledBill> settled = allocation.settled();
        Rupiah allocated = allocation.drawnOn(paymentId);
        events.publishEvent(new PaymentReceived(paymentId, channel, source, due.payer().payer(), amount, paidOn,
                allocated, settled.stream().map(Allocator.SettledBill::billId).toList()));
        List<UUID> accounts = mail.accountsOf(due.payer().payer());
        mail.receivedAndSettled(accounts, due.payer(), paymentId, amount, settled, paidOn);
        notices.receivedAndSettled(accounts, due.payer(), paymentId, amount, paidOn, settled);
    }

    private static void check(IncomingPayment payment) {
        if (payment == null || payment.channel() == null || !CHANNELS.contains(payment.channel())) {
            throw new InvalidValue("payment.channel.invalid");
        }
        if (payment.source() == null || payment.source().isBlank() || payment.source().length() > 100
                || payment.reference() == null || payment.reference().isBlank() || payment.reference().length() > 100) {
            throw new InvalidValue("payment.reference.invalid");
        }
        if (payment.amount() == null || payment.amount().isNegative() || payment.amount().isZero()
                || payment.amount().isGreaterThan(MOST)) {
            throw new InvalidValue("payment.amount.invalid");
        }
        if (payment.receivedAt() == null) {
            throw new InvalidValue("payment.received-at.invalid");
        }
    }
}
