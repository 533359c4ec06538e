package id.jamsos.payment.internal;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import id.jamsos.contribution.Payer;
import id.jamsos.employer.EmployerDirectory;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.Members;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is behind a customer number (the employer register by NPP, the member register by KPJ), and the payer row whose
 * lock serialises the payer's money.
 */
@Component
public class Payers {

    private final JdbcClient jdbc;
    private final EmployerDirectory employers;
    private final Workforce workforce;
    private final Members members;
    private final Clock clock;

    Payers(JdbcClient jdbc, EmployerDirectory employers, Workforce workforce, Members members, Clock clock) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.workforce = workforce;
        this.members = members;
        this.clock = clock;
    }

    /** The payer behind a customer number; empty when it names nobody (or is malformed). */
    public Optional<KnownPayer> byCustomerNumber(String customerNumber) {
        Optional<KnownPayer> stored = stored(customerNumber);
        return stored.isPresent() ? stored : registered(customerNumber);
    }

    /** The payer behind a customer number in the employer or member register (a payer without a payer row yet). */
    Optional<KnownPayer> registered(String customerNumber) {
        Optional<KnownPayer> employer = CustomerNumber.npp(customerNumber).flatMap(employers::byNpp)
                .map(e -> new KnownPayer(customerNumber, Payer.employer(e.id()), e.name()));
        if (employer.isPresent()) {
            return employer;
        }
        return CustomerNumber.kpj(customerNumber).flatMap(members::byKpj)
                .map(m -> new KnownPayer(customerNumber, Payer.member(m.id()), m.fullName()));
    }

    public Optional<KnownPayer> byNpp(Npp npp) {
        return byCustomerNumber(CustomerNumber.of(npp));
    }

    public Optional<KnownPayer> byKpj(Kpj kpj) {
        return byCustomerNumber(CustomerNumber.of(kpj));
    }

    public Optional<KnownPayer> of(Payer payer) {
        if (payer.employerId() != null) {
            return workforce.employer(payer.employerId())
                    .map(e -> new KnownPayer(CustomerNumber.of(e.npp()), payer, e.name()));
        }
        return members.byId(payer.memberId())
                .map(m -> new KnownPayer(CustomerNumber.of(new Kpj(m.kpj())), payer, m.fullName()));
    }

    /**
     * Makes sure the payer row exists and locks it until the caller's transaction ends. {@code ON CONFLICT DO NOTHING}
     * without a target: the row is unique by customer number and by employer or member, and of concurrent first
     * payments any of those indexes may be the one that notices the other insert.
     */
    void lock(KnownPayer payer) {
        // Payer rows are never deleted: once there, one statement locks it (the common case of a known payer).
        if (lockKnown(payer.customerNumber()).isEmpty()) {
            lockNew(payer);
        }
    }

    /**
     * Writes the row of a payer that had none when the caller looked ({@link #lockKnown} found nothing), locked
     * until the caller's transaction ends: a row this transaction inserted is its own until it commits; when another
     * transaction inserted it meanwhile, the insert waits for it, does nothing, and the row is then locked as it is.
     * Answers whether this transaction wrote the row.
     */
    boolean lockNew(KnownPayer payer) {
        boolean inserted = !newRowParams(jdbc.sql(NEW_ROW), payer, clock.instant()).query(String.class).list()
                .isEmpty();
        if (!inserted) {
            lockKnown(payer.customerNumber()).orElseThrow();
        }
        return inserted;
    }

    /**
     * The payer of a customer number whose row exists, locked until the caller's transaction ends (as {@link #lock});
     * empty when there is no row yet ({@link #byCustomerNumber} and {@link #lock} then). One statement for the
     * common case of a payer who paid before.
     */
    Optional<KnownPayer> lockKnown(String customerNumber) {
        return stored(customerNumber, " FOR UPDATE");
    }

    private Optional<KnownPayer> stored(String customerNumber) {
        return stored(customerNumber, "");
    }

    private Optional<KnownPayer> stored(String customerNumber, String lock) {
        if (!fitsPayerRow(customerNumber)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT customer_number, employer_id, member_id, name FROM payment.payer WHERE customer_number = :c"
                        + lock)
                .param("c", customerNumber)
                .query((rs, row) -> new KnownPayer(rs.getString("customer_number"), payerOf(rs, "employer_id"),
                        rs.getString("name"))).optional();
    }

    /** Whether a customer number can name a payer row at all (anything else names nobody). */
    static boolean fitsPayerRow(String customerNumber) {
        return customerNumber != null && customerNumber.length() <= 20;
    }

    /** Who a payer row is: its employer ({@code employerColumn}, null for a member) or its member ({@code member_id}). */
    static Payer payerOf(ResultSet rs, String employerColumn) throws SQLException {
        long employer = rs.getLong(employerColumn);
        return rs.wasNull() ? Payer.member(rs.getObject("member_id", UUID.class)) : Payer.employer(employer);
    }

    /**
     * Writes a payer's row unless there is one (without a conflict target: the row is unique by customer number and
     * by employer or member), answering its customer number when it wrote it; values by {@link #newRowParams}.
     */
    static final String NEW_ROW = """
            INSERT INTO payment.payer (customer_number, employer_id, member_id, name, created_at)
            VALUES (:c, :employer, :member, :name, :createdAt) ON CONFLICT DO NOTHING RETURNING customer_number""";

    static JdbcClient.StatementSpec newRowParams(JdbcClient.StatementSpec statement, KnownPayer payer, Instant at) {
        return statement.param("c", payer.customerNumber())
                .param("employer", payer.payer().employerId(), java.sql.Types.BIGINT)
                .param("member", payer.payer().memberId(), java.sql.Types.OTHER)
                .param("name", rowName(payer.name())).param("createdAt", Timestamp.from(at));
    }

    /** The name a payer row keeps: trimmed, at most 200 characters, "-" for none. */
    private static String rowName(String name) {
        String trimmed = name == null || name.isBlank() ? "-" : name.strip();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
