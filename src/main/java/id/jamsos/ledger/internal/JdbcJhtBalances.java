package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.JhtBalances;
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
}
