package id.jamsos.contribution.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.common.WorkingDays;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.ContributionRule;
import id.jamsos.contribution.DueBill;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.LatePenalty;
import id.jamsos.contribution.LatePenaltyRule;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.Settlement;
import id.jamsos.contribution.UnpaidBill;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Bills in PostgreSQL: settlement, arrears statements, BPU enrolment. */
@Service
class JdbcBills implements Bills, InformalWorkers {

    /** A bill as stored, with what it carries after adjustments. */
    record StoredBill(long id, Category category, Long employerId, UUID memberId, Period period, LocalDate dueDate,
                      Rupiah contribution) {

        Payer payer() {
            return employerId != null ? Payer.employer(employerId) : Payer.member(memberId);
        }
    }

    static final String BILL_COLUMNS = """
            b.id, b.category, b.employer_id, b.member_id, b.period, b.due_date,
            b.employer_total + b.worker_total + coalesce((SELECT sum(l.amount) FROM contribution.bill_line l
                 WHERE l.period = b.period AND l.bill_id = b.id AND l.kind = 'ADJUSTMENT' AND l.program IS NOT NULL), 0)
                 AS contribution""";

    /** Writes a bill's settlement unless the bill has one or the key was used (each unique): its id, or no row. */
    private static final String WRITE_SETTLEMENT = """
            INSERT INTO contribution.settlement (bill_id, idempotency_key, paid_on, penalty, settled_at)
            VALUES (:id, :key, :paidOn, :penalty, :at) ON CONFLICT DO NOTHING RETURNING bill_id""";

    /** A bill's lines summed per program and party; penalty and adjustment lines have no program. */
    private static final String LINE_SUMS = """
            SELECT program, party, sum(amount) AS amount FROM contribution.bill_line
             WHERE period = :period AND bill_id = :id
               AND (program IS NOT NULL OR kind IN ('PENALTY', 'ADJUSTMENT'))
             GROUP BY program, party""";

    private final JdbcClient jdbc;
    private final Contributions contributions;
    private final Calendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * The bills {@link #arrearsLocked} read and locked, for the transaction that holds the locks: bound to the thread
     * with the transaction's connection, and used only while that connection is the one in use (an inner
     * transaction of its own, on another connection, reads its bills itself).
     */
    private record LockedBills(Object connection, Map<Long, StoredBill> bills) {
    }

    private final DataSource dataSource;
    private final Object lockedBillsKey = new Object();

    JdbcBills(JdbcClient jdbc, DataSource dataSource, Contributions contributions, Calendar calendar,
              ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.contributions = contributions;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void enrol(UUID memberId, Rupiah declaredIncome, Set<Program> programs, Period from) {
        // The rule itself refuses an income outside the bounds in force and programs not open to informal workers.
        ContributionRule.informal(contributions.ratesFor(from), declaredIncome, programs);
        Set<Program> taken = EnumSet.copyOf(ContributionRule.BPU_MANDATORY);
        taken.addAll(programs);
        jdbc.sql("""
                        INSERT INTO contribution.participation (member_id, from_period, declared_income, programs, enrolled_at)
                        VALUES (:member, :from, :income, :programs, :at)
                        ON CONFLICT (member_id, from_period) DO UPDATE
                           SET declared_income = excluded.declared_income, programs = excluded.programs,
                               enrolled_at = excluded.enrolled_at""")
                .param("member", memberId).param("from", from.toString()).param("income", declaredIncome.value())
                .param("programs", taken.stream().map(Program::name).collect(Collectors.joining(",")))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    @Override
    @Transactional
    public Settlement settle(long billId, LocalDate paidOn, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new InvalidValue("bill.idempotency-key");
        }
        // A bill this transaction read and locked with its arrears is as it was read: nobody else may change it.
        Optional<StoredBill> found = lockedInThisTransaction(billId);
        if (found.isEmpty()) {
            found = jdbc.sql("SELECT " + BILL_COLUMNS + " FROM contribution.bill b WHERE b.id = :id FOR UPDATE OF b")
                    .param("id", billId).query(JdbcBills::bill).optional();
        }
        if (found.isEmpty()) {
            return new Settlement.UnknownBill(billId);
        }
        StoredBill bill = found.get();
        LatePenalty due = penaltyDue(bill, paidOn);
        // Under the bill's lock: the settlement is written unless the bill has one or the key was used (either
        // unique), and only then is the penalty charged to the bill's lines. With no month of penalty to add (a BPU
        // bill, or one paid in time) the lines are summed by the statement that writes the settlement.
        boolean nothingToAccrue = bill.category() == Category.BPU || due.monthsLate() == 0;
        Optional<LineSums> summed = Optional.empty();
        boolean settled;
        if (nothingToAccrue) {
            summed = settleSummingLines(bill, idempotencyKey, paidOn, due);
            settled = summed.isPresent();
        } else {
            settled = !jdbc.sql(WRITE_SETTLEMENT).params(settlement(bill, idempotencyKey, paidOn, due))
                    .query(Long.class).list().isEmpty();
        }
        if (!settled) {
            return settledBefore(bill, idempotencyKey);
        }
        List<BillAmount> amounts = charge(bill, due, summed);
        events.publishEvent(new BillSettled(billId, bill.payer(), bill.period(), paidOn, amounts, due.penalty()));
        return new Settlement.Settled(billId, paidOn, bill.contribution(), due.penalty(), false);
    }

    /**
     * Writes the settlement unless the bill has one or the key was used, and sums the bill's lines in the same
     * statement (they are read as they were before it: a settlement adds no line). Empty when nothing was written.
     */
    private Optional<LineSums> settleSummingLines(StoredBill bill, String idempotencyKey, LocalDate paidOn,
                                                  LatePenalty due) {
        boolean[] written = {false};
        LineSums.Adder sums = new LineSums.Adder();
        jdbc.sql("WITH written AS (" + WRITE_SETTLEMENT + """
                        )
                        SELECT * FROM (
                            SELECT true AS written, CAST(NULL AS text) AS program, CAST(NULL AS text) AS party,
                                   CAST(0 AS numeric) AS amount FROM written
                            UNION ALL
                            SELECT false, s.* FROM (""" + LINE_SUMS + """
                        ) s) u
                        ORDER BY written DESC, program, party""")
                .params(settlement(bill, idempotencyKey, paidOn, due))
                .param("period", bill.period().toString())
                .query((ResultSet rs) -> {
                    if (rs.getBoolean("written")) {
                        written[0] = true;
                    } else {
                        sums.add(rs);
                    }
                });
        return written[0] ? Optional.of(sums.sums()) : Optional.empty();
    }

    /** The settlement's values for {@link #WRITE_SETTLEMENT}. */
    private Map<String, Object> settlement(StoredBill bill, String idempotencyKey, LocalDate paidOn, LatePenalty due) {
        return Map.of("id", bill.id(), "key", idempotencyKey, "paidOn", paidOn, "penalty", due.penalty().value(),
                "at", Timestamp.from(clock.instant()));
    }

    /** Why a settlement was not written: the bill was settled before (under this key or another), or the key was. */
    private Settlement settledBefore(StoredBill bill, String idempotencyKey) {
        record Paid(LocalDate paidOn, Rupiah penalty, String key, boolean thisBill) {
        }
        List<Paid> paid = jdbc.sql("SELECT paid_on, penalty, idempotency_key, bill_id = :id AS this_bill"
                        + " FROM contribution.settlement WHERE bill_id = :id OR idempotency_key = :key")
                .param("id", bill.id()).param("key", idempotencyKey)
                .query((rs, row) -> new Paid(rs.getObject("paid_on", LocalDate.class),
                        Rupiah.of(rs.getLong("penalty")), rs.getString("idempotency_key"), rs.getBoolean("this_bill")))
                .list();
        Optional<Paid> ofThisBill = paid.stream().filter(Paid::thisBill).findFirst();
        if (ofThisBill.isPresent()) {
            return ofThisBill.get().key().equals(idempotencyKey)
                    ? new Settlement.Settled(bill.id(), ofThisBill.get().paidOn(), bill.contribution(),
                            ofThisBill.get().penalty(), true)
                    : new Settlement.AlreadyPaid(bill.id(), ofThisBill.get().paidOn());
        }
        throw new InvalidValue("bill.idempotency-key.reused");
    }

    /** A bill's lines summed: the penalty accrued, and the amounts per program and party (what BillSettled carries). */
    private record LineSums(Rupiah penalty, List<BillAmount> amounts) {

        /** Sums rows of (program, party, amount), program null for penalty and adjustment lines, in program order. */
        static final class Adder {
            private long penalty;
            private final List<BillAmount> amounts = new ArrayList<>();

            void add(ResultSet rs) throws SQLException {
                String program = rs.getString("program");
                if (program == null) {
                    penalty += rs.getLong("amount");
                } else {
                    amounts.add(new BillAmount(Program.valueOf(program), Party.valueOf(rs.getString("party")),
                            Rupiah.of(rs.getLong("amount"))));
                }
            }

            LineSums sums() {
                return new LineSums(Rupiah.of(penalty), List.copyOf(amounts));
            }
        }
    }

    /** The penalty of a bill paid on {@code paidOn} (RULES.md §4); none for a BPU bill. */
    private LatePenalty penaltyDue(StoredBill bill, LocalDate paidOn) {
        if (bill.category() == Category.BPU) {
            return new LatePenalty(bill.dueDate(), 0, Rupiah.ZERO);
        }
        Rate perMonth = contributions.ratesFor(bill.period()).latePenaltyPerMonth();
        return LatePenaltyRule.penalty(Category.PU, bill.period(), bill.contribution(), paidOn, calendar.workingDays(),
                perMonth);
    }

    /**
     * Charges the penalty due to the bill's lines: the month steps not yet accrued are added; when the accrual ran
     * past the payment day, an adjustment takes back what was accrued too much. The bill's lines are read once for
     * both the penalty accrued and the amounts per program and party (an adjustment has no program, so it changes
     * only the former), or not at all when {@code summed} has them (nothing to accrue). Answers the amounts.
     */
    private List<BillAmount> charge(StoredBill bill, LatePenalty due, Optional<LineSums> summed) {
        if (bill.category() == Category.BPU) {
            return summed.orElseGet(() -> lines(bill)).amounts();
        }
        if (summed.isEmpty()) {
            PenaltyLines.accrue(jdbc, bill, contributions.ratesFor(bill.period()).latePenaltyPerMonth(),
                    due.monthsLate());
        }
        LineSums accrued = summed.orElseGet(() -> lines(bill));
        if (accrued.penalty().isGreaterThan(due.penalty())) {
            jdbc.sql("""
                            INSERT INTO contribution.bill_line (period, bill_id, kind, party, amount)
                            VALUES (:period, :id, 'ADJUSTMENT', 'EMPLOYER', :amount)""")
                    .param("period", bill.period().toString()).param("id", bill.id())
                    .param("amount", due.penalty().minus(accrued.penalty()).value()).update();
        }
        return accrued.amounts();
    }

    /** One read of the bill's lines: the penalty accrued (penalty and adjustment lines) and the program amounts. */
    private LineSums lines(StoredBill bill) {
        LineSums.Adder sums = new LineSums.Adder();
        jdbc.sql(LINE_SUMS + " ORDER BY program, party")
                .param("period", bill.period().toString()).param("id", bill.id())
                .query((ResultSet rs) -> sums.add(rs));
        return sums.sums();
    }

    @Override
    @Transactional(readOnly = true)
    public ArrearsStatement arrears(Payer payer, LocalDate asOf) {
        return arrears(payer, asOf, unpaid(payer, asOf, ""));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ArrearsStatement arrearsLocked(Payer payer, LocalDate asOf) {
        // Locked in the order settle locks them one by one (oldest first), so the two never wait for each other.
        List<StoredBill> unpaid = unpaid(payer, asOf, " FOR UPDATE OF b");
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        LockedBills locked = (LockedBills) TransactionSynchronizationManager.getResource(lockedBillsKey);
        if (locked == null || locked.connection() != connection) {
            if (locked != null) {
                TransactionSynchronizationManager.unbindResource(lockedBillsKey);
            }
            locked = new LockedBills(connection, new HashMap<>());
            TransactionSynchronizationManager.bindResource(lockedBillsKey, locked);
            LockedBills bound = locked;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (TransactionSynchronizationManager.getResource(lockedBillsKey) == bound) {
                        TransactionSynchronizationManager.unbindResource(lockedBillsKey);
                    }
                }
            });
        }
        for (StoredBill bill : unpaid) {
            locked.bills().put(bill.id(), bill);
        }
        return arrears(payer, asOf, unpaid);
    }

    /** The bill, taken from those this transaction locked with its arrears (and forgotten there: it is settled). */
    private Optional<StoredBill> lockedInThisTransaction(long billId) {
        LockedBills locked = (LockedBills) TransactionSynchronizationManager.getResource(lockedBillsKey);
        if (locked == null || locked.connection() == null
                || locked.connection() != TransactionSynchronizationManager.getResource(dataSource)) {
            return Optional.empty();
        }
        return Optional.ofNullable(locked.bills().remove(billId));
    }

    private List<StoredBill> unpaid(Payer payer, LocalDate asOf, String lock) {
        String payerColumn = payer.employerId() != null ? "b.employer_id" : "b.member_id";
        return jdbc.sql("SELECT " + BILL_COLUMNS + """
                         FROM contribution.bill b
                        WHERE %s = :payer
                          AND (b.issued_at AT TIME ZONE 'Asia/Jakarta')::date <= :asOf
                          AND NOT EXISTS (SELECT 1 FROM contribution.settlement s
                                           WHERE s.bill_id = b.id AND s.paid_on <= :asOf)
                        ORDER BY b.period, b.id
                        LIMIT 1000""".formatted(payerColumn) + lock)
                .param("payer", payer.employerId() != null ? payer.employerId() : payer.memberId())
                .param("asOf", asOf)
                .query(JdbcBills::bill).list();
    }

    private ArrearsStatement arrears(Payer payer, LocalDate asOf, List<StoredBill> unpaid) {
        WorkingDays workingDays = calendar.workingDays();
        Map<Period, Rate> perMonth = new HashMap<>();
        List<UnpaidBill> bills = unpaid.stream().map(bill -> {
            Rate rate = perMonth.computeIfAbsent(bill.period(), p -> contributions.ratesFor(p).latePenaltyPerMonth());
            LatePenalty penalty = LatePenaltyRule.penalty(bill.category(), bill.period(), bill.contribution(), asOf,
                    workingDays, rate);
            return new UnpaidBill(bill.id(), bill.category(), bill.period(), bill.dueDate(), bill.contribution(),
                    penalty.monthsLate(), penalty.penalty());
        }).toList();
        return new ArrearsStatement(payer, asOf, bills);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Payer> inArrears(LocalDate asOf, int limit) {
        return jdbc.sql("""
                        SELECT b.employer_id, b.member_id, min(b.id) AS oldest
                          FROM contribution.bill b
                         WHERE (b.issued_at AT TIME ZONE 'Asia/Jakarta')::date <= :asOf
                           AND NOT EXISTS (SELECT 1 FROM contribution.settlement s
                                            WHERE s.bill_id = b.id AND s.paid_on <= :asOf)
                         GROUP BY b.employer_id, b.member_id
                         ORDER BY oldest
                         LIMIT :limit""")
                .param("asOf", asOf).param("limit", Math.max(0, Math.min(limit, 10_000)))
                .query((rs, n) -> {
                    long employer = rs.getLong("employer_id");
                    return rs.wasNull() ? Payer.member(rs.getObject("member_id", UUID.class)) : Payer.employer(employer);
                }).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DueBill> unpaidDue(Category category, LocalDate from, LocalDate to, LocalDate asOf, long afterId,
                                   int limit) {
        return jdbc.sql("SELECT " + BILL_COLUMNS + """
                         FROM contribution.bill b
                        WHERE b.category = :category AND b.due_date BETWEEN :from AND :to AND b.id > :after
                          AND b.period BETWEEN :firstPeriod AND :lastPeriod
                          AND NOT EXISTS (SELECT 1 FROM contribution.settlement s
                                           WHERE s.bill_id = b.id AND s.paid_on <= :asOf)
                        ORDER BY b.id LIMIT :limit""")
                .param("category", category.name()).param("from", from).param("to", to).param("after", afterId)
                // A month's bill falls due in that month (BPU) or the next (PU): the period bounds use the index.
                .param("firstPeriod", Period.of(from).previous().toString()).param("lastPeriod", Period.of(to).toString())
                .param("asOf", asOf).param("limit", Math.max(1, Math.min(limit, 10_000)))
                .query(JdbcBills::bill).list().stream()
                .map(bill -> new DueBill(bill.id(), bill.payer(), bill.period(), bill.dueDate(), bill.contribution()))
                .toList();
    }

    static StoredBill bill(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        // Read as an object: wasNull() answers for the last column read, which must not be another one.
        Long employer = rs.getObject("employer_id", Long.class);
        return new StoredBill(rs.getLong("id"), Category.valueOf(rs.getString("category")),
                employer, rs.getObject("member_id", UUID.class),
                Period.parse(rs.getString("period")), rs.getObject("due_date", LocalDate.class),
                Rupiah.of(rs.getLong("contribution")));
    }
}
