package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.JhtBalances;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cached balance (credits minus debits) of the member's JHT account. */
@Component
class JdbcJhtBalances implements JhtBalances {

    private final JdbcClient jdbc;

    JdbcJhtBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Rupiah> balance(UUID memberId) {
        return jdbc.sql("""
                        SELECT b.credits - b.debits FROM ledger.account a JOIN ledger.balance b ON b.account_id = a.id
                        WHERE a.member_id = :member""")
                .param("member", memberId).query(Long.class).optional().map(Rupiah::of);
    }

    @Override
    public Map<UUID, Rupiah> balances(Collection<UUID> memberIds) {
        if (memberIds.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("at most " + MAX_MEMBERS + " members, not " + memberIds.size());
        }
        Map<UUID, Rupiah> balances = new HashMap<>();
        if (memberIds.isEmpty()) {
            return balances;
        }
        jdbc.sql("""
                        SELECT a.member_id, b.credits - b.debits AS balance
                        FROM ledger.account a JOIN ledger.balance b ON b.account_id = a.id
                        WHERE a.member_id IN (:members)""")
                .param("members", List.copyOf(memberIds))
                .query((rs, n) -> balances.put(rs.getObject("member_id", UUID.class), Rupiah.of(rs.getLong("balance"))))
                .list();
        return balances;
    }
}
