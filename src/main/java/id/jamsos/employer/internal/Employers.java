package id.jamsos.employer.internal;

import id.jamsos.account.AccountDirectory;
import id.jamsos.account.AccountDirectory.KnownAccount;
import id.jamsos.account.Role;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Npp;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The officers' side of the register: employers and the accounts that administer them, every change audited. */
@Service
public class Employers {

    /** An employer as the officers' pages show it. */
    public record Registered(long id, String npp, String name, String address, int riskClass) {
    }


    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final AccountDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    Employers(JdbcClient jdbc, AccountDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long register(Actor actor, String npp, String name, String address, String riskClass) {
        Npp parsedNpp = Npp.parse(npp);
        RiskClass parsedClass = RiskClass.parse(riskClass);
        String parsedName = required(name, 200, "employer.name.required");
        String parsedAddress = required(address, 500, "employer.address.required");
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at, created_by)
                        VALUES (:npp, :name, :address, :risk, :at, :by) ON CONFLICT (npp) DO NOTHING RETURNING id""")
                .param("npp", parsedNpp.value()).param("name", parsedName).param("address", parsedAddress)
                .param("risk", parsedClass.value()).param("at", Timestamp.from(clock.instant()))
                .param("by", actor.accountId()).query(Long.class).optional();
        if (id.isEmpty()) {
            throw new InvalidValue("employer.npp.taken");
        }
        audit.record(new AuditEntry(actor.accountId(), actor.email(), "EMPLOYER_REGISTERED", "EMPLOYER",
                id.get().toString(), actor.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("npp", parsedNpp.value(), "riskClass", parsedClass.toString())));
        return id.get();
    }

    /** Links an EMPLOYER_ADMIN account, found by its e-mail, to the employer; an account administers one employer. */
    @Transactional
    public void linkAdministrator(Actor actor, long employerId, String email) {
        if (find(employerId).isEmpty()) {
            throw new InvalidValue("employer.not-found");
        }
        KnownAccount account = directory.byEmail(email).orElseThrow(() -> new InvalidValue("employer.admin.unknown"));
        if (account.role() != Role.EMPLOYER_ADMIN) {
            throw new InvalidValue("employer.admin.role");
        }
        int linked = jdbc.sql("""
                        INSERT INTO employer.employer_admin (account_id, employer_id, linked_at, linked_by)
                        VALUES (:account, :employer, :at, :by) ON CONFLICT (account_id) DO NOTHING""")
                .param("account", account.id()).param("employer", employerId)
                .param("at", Timestamp.from(clock.instant())).param("by", actor.accountId()).update();
        if (linked == 0) {
            throw new InvalidValue("employer.admin.taken");
        }
        audit.record(new AuditEntry(actor.accountId(), actor.email(), "EMPLOYER_ADMIN_LINKED", "EMPLOYER",
                Long.toString(employerId), actor.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("account", account.id().toString())));
    }

    public Optional<Registered> find(long id) {
        return jdbc.sql("SELECT id, npp, name, address, risk_class FROM employer.employer WHERE id = :id")
                .param("id", id).query(Employers::registered).optional();
    }

    /** A page of employers, newest first, optionally those whose NPP or name contains {@code search}. */
    public List<Registered> page(String search, int page) {
        String pattern = search == null || search.isBlank() ? null
                : "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT id, npp, name, address, risk_class FROM employer.employer
                         WHERE CAST(:pattern AS TEXT) IS NULL OR npp LIKE :pattern OR name ILIKE :pattern
                         ORDER BY id DESC LIMIT :size OFFSET :offset""")
                .param("pattern", pattern).param("size", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query(Employers::registered).list();
    }

    public List<KnownAccount> administrators(long employerId) {
        return jdbc.sql("SELECT account_id FROM employer.employer_admin WHERE employer_id = :id ORDER BY linked_at")
                .param("id", employerId).query(UUID.class).list().stream()
                .flatMap(id -> directory.byId(id).stream()).toList();
    }

    private static String required(String value, int maxLength, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(key);
        }
        return Text.required(value, maxLength);
    }

    private static Registered registered(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Registered(rs.getLong("id"), rs.getString("npp"), rs.getString("name"), rs.getString("address"),
                rs.getInt("risk_class"));
    }
}
