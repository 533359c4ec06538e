package id.jamsos.ledger.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ledger's accounts: each member's JHT account and the system accounts per program (created by V120). */
@Component
public class LedgerAccounts {

    public enum Kind { MEMBER_JHT, FUND, RECEIVABLE, CLEARING, PENALTY_INCOME }

    private final JdbcClient jdbc;
    private final Map<String, Long> system = new ConcurrentHashMap<>();
    private volatile Set<Long> pooled;

    LedgerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the member's JHT account once; answers its id either way. */
    @Transactional
    public long openJht(UUID memberId, String kpj, LocalDate on) {
        jdbc.sql("""
                        WITH opened AS (
                            INSERT INTO ledger.account (kind, program, member_id, kpj, opened_on)
                            VALUES ('MEMBER_JHT', 'JHT', :member, :kpj, :on) ON CONFLICT (member_id) DO NOTHING
                            RETURNING id)
                        INSERT INTO ledger.balance (account_id) SELECT id FROM opened""")
                .param("member", memberId).param("kpj", kpj).param("on", on).update();
        return jht(memberId).orElseThrow();
    }

    /**
     * The JHT accounts of many members at once, opening those not yet open (one query when all are open, as they
     * are after activation; two more otherwise): an employer's bill names thousands of workers.
     */
    @Transactional
    public Map<UUID, Long> openJht(Collection<UUID> memberIds, LocalDate on) {
        Map<UUID, Long> open = new HashMap<>();
        UUID[] members = memberIds.toArray(UUID[]::new);
        jdbc.sql("SELECT member_id, id FROM ledger.account WHERE member_id = ANY(CAST(:members AS uuid[]))")
                .param("members", members)
                .query((rs, row) -> open.put(rs.getObject("member_id", UUID.class), rs.getLong("id"))).list();
        UUID[] missing = memberIds.stream().filter(m -> !open.containsKey(m)).sorted().toArray(UUID[]::new);
        if (missing.length > 0) {
            jdbc.sql("""
                            WITH opened AS (
                                INSERT INTO ledger.account (kind, program, member_id, opened_on)
                                SELECT 'MEMBER_JHT', 'JHT', m, :on FROM unnest(CAST(:members AS uuid[])) AS t(m)
                                ON CONFLICT (member_id) DO NOTHING RETURNING id)
                            INSERT INTO ledger.balance (account_id) SELECT id FROM opened""")
                    .param("members", missing).param("on", on).update();
            jdbc.sql("SELECT member_id, id FROM ledger.account WHERE member_id = ANY(CAST(:members AS uuid[]))")
                    .param("members", missing)
                    .query((rs, row) -> open.put(rs.getObject("member_id", UUID.class), rs.getLong("id"))).list();
        }
        return open;
    }

    public Optional<Long> jht(UUID memberId) {
        return jdbc.sql("SELECT id FROM ledger.account WHERE member_id = :member")
                .param("member", memberId).query(Long.class).optional();
    }

    /** A system account: {@code program} is null for penalty income and the penalties' clearing account. */
    public long system(Kind kind, String program) {
        return system.computeIfAbsent(kind + ":" + program, k -> jdbc.sql("""
                        SELECT id FROM ledger.account
                        WHERE member_id IS NULL AND kind = :kind AND program IS NOT DISTINCT FROM :program""")
                .param("kind", kind.name()).param("program", program).query(Long.class).single());
    }

    /** Whether the account is a pooled (system) account, whose cached balance is kept in shards (V126). */
    public boolean pooled(long accountId) {
        Set<Long> known = pooled;
        if (known == null) {
            known = Set.copyOf(jdbc.sql("SELECT id FROM ledger.account WHERE member_id IS NULL")
                    .query(Long.class).list());
            pooled = known;
        }
        return known.contains(accountId);
    }
}
