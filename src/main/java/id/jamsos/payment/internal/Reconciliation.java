package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's payments per channel and source (each partner bank for virtual accounts, each officer for cash, each bank
 * for transfers) with what each was allocated to, flagging what does not add up: a virtual-account payment without
 * allocation (the bank collected the amount due, so all of it should have gone to bills unless the payer chose months
 * ahead), a payment allocated beyond its amount, money in suspense, a bank that is not configured.
 */
@Service
public class Reconciliation {

    /** At most this many payments in one day's report; more is flagged as truncated. */
    static final int MOST = 5_000;

    public enum Status { ALLOCATED, PARTLY_ALLOCATED, CREDIT, SUSPENSE, REVERSED, REVERSAL }

    public enum Flag { NOT_ALLOCATED, OVER_ALLOCATED, IN_SUSPENSE, UNKNOWN_BANK }

    public record Line(long paymentId, String reference, String customerNumber, Rupiah amount, Rupiah allocated,
                       Status status, List<Flag> flags) {

        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    public record Group(String channel, String source, String sourceName, List<Line> lines) {

        public Rupiah amount() {
            return lines.stream().map(Line::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        }

        public Rupiah allocated() {
            return lines.stream().map(Line::allocated).reduce(Rupiah.ZERO, Rupiah::plus);
        }

        public long flagged() {
            return lines.stream().filter(Line::flagged).count();
        }
    }

    public record Report(LocalDate day, List<Group> groups, boolean truncated) {

        public long flagged() {
            return groups.stream().mapToLong(Group::flagged).sum();
        }
    }

    private record Row(long id, String channel, String source, String reference, String customerNumber, Rupiah amount,
                       Rupiah allocated, boolean reversed, boolean ahead) {
    }

    private final JdbcClient jdbc;
    private final BankGuides banks;

    Reconciliation(JdbcClient jdbc, BankGuides banks) {
        this.jdbc = jdbc;
        this.banks = banks;
    }

    @Transactional(readOnly = true)
    public Report of(LocalDate day) {
        List<Row> rows = jdbc.sql("""
                        SELECT p.id, p.channel, p.source, p.reference,
                               coalesce(p.customer_number, a.customer_number) AS customer_number, p.amount,
                               coalesce((SELECT sum(l.amount) FROM payment.allocation l WHERE l.payment_id = p.id), 0)
                                   AS allocated,
                               EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = p.id) AS reversed,
                               EXISTS (SELECT 1 FROM payment.payment_order o WHERE o.payment_id = p.id) AS ahead
                          FROM payment.payment p LEFT JOIN payment.assignment a ON a.payment_id = p.id
                         WHERE p.paid_on = :day
                         ORDER BY p.channel, p.source, p.id
                         LIMIT :limit""")
                .param("day", day).param("limit", MOST + 1)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("channel"), rs.getString("source"),
                        rs.getString("reference"), rs.getString("customer_number"), Rupiah.of(rs.getLong("amount")),
                        Rupiah.of(rs.getLong("allocated")), rs.getBoolean("reversed"), rs.getBoolean("ahead")))
                .list();
        boolean truncated = rows.size() > MOST;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Row row : truncated ? rows.subList(0, MOST) : rows) {
            String key = row.channel() + "|" + row.source();
            groups.computeIfAbsent(key, k -> new Group(row.channel(), row.source(), name(row), new ArrayList<>()))
                    .lines().add(line(row));
        }
        return new Report(day, List.copyOf(groups.values()), truncated);
    }

    private String name(Row row) {
        if (row.channel().equals(JdbcPaymentDesk.VIRTUAL_ACCOUNT)) {
            return banks.byPartnerId(row.source()).map(PayingBanks.PayingBank::name).orElse(row.source());
        }
        return row.source();
    }

    private Line line(Row row) {
        List<Flag> flags = new ArrayList<>();
        Status status;
        if (row.channel().equals("REVERSAL")) {
            status = Status.REVERSAL;
        } else if (row.reversed()) {
            status = Status.REVERSED;
        } else if (row.customerNumber() == null) {
            status = Status.SUSPENSE;
            flags.add(Flag.IN_SUSPENSE);
        } else if (row.allocated().equals(row.amount())) {
            status = Status.ALLOCATED;
        } else if (row.allocated().isZero()) {
            status = Status.CREDIT;
        } else {
            status = Status.PARTLY_ALLOCATED;
        }
        boolean va = row.channel().equals(JdbcPaymentDesk.VIRTUAL_ACCOUNT);
        if (va && !row.reversed() && !row.ahead() && row.allocated().compareTo(row.amount()) < 0) {
            flags.add(Flag.NOT_ALLOCATED);
        }
        if (row.amount().compareTo(Rupiah.ZERO) > 0 && row.allocated().isGreaterThan(row.amount())) {
            flags.add(Flag.OVER_ALLOCATED);
        }
        if (va && banks.byPartnerId(row.source()).isEmpty()) {
            flags.add(Flag.UNKNOWN_BANK);
        }
        return new Line(row.id(), row.reference(), row.customerNumber(), row.amount(), row.allocated(), status,
                List.copyOf(flags));
    }
}
