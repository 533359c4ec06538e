package id.jamsos.reactivation;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import id.jamsos.payment.PaymentReceived;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The online reactivation listens only to what can reactivate: a member's virtual-account payment that settled a
 * bill. Every other payment stores no publication for it in the event registry (the rows the publishing transaction
 * wrote are counted inside it, which is then rolled back, so no listener runs).
 */
@SpringBootTest
class OnlineReactivationConditionTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void onlyAMembersVirtualAccountPaymentThatSettledABillIsStoredForTheReactivationListener() {
        Payer member = Payer.member(UUID.randomUUID());
        assertThat(stored(payment("VIRTUAL_ACCOUNT", member, List.of(7L)))).as("member, VA, bill settled").isOne();
        assertThat(stored(payment("VIRTUAL_ACCOUNT", Payer.employer(1), List.of(7L)))).as("employer").isZero();
        assertThat(stored(payment("CASH", member, List.of(7L)))).as("cash at the branch").isZero();
        assertThat(stored(payment("TRANSFER", member, List.of(7L)))).as("transfer").isZero();
        assertThat(stored(payment("VIRTUAL_ACCOUNT", member, List.of()))).as("nothing settled").isZero();
    }

    private static PaymentReceived payment(String channel, Payer payer, List<Long> settled) {
        return new PaymentReceived(1, channel, "BANKUJI", payer, Rupiah.of(42_000), DAY, Rupiah.of(42_000), settled);
    }

    private long stored(PaymentReceived payment) {
        return transaction.execute(status -> {
            events.publishEvent(payment);
            long rows = jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%OnlineReactivation%'"
                            + " AND xmin = xid(pg_current_xact_id())") // written by this transaction
                    .query(Long.class).single();
            status.setRollbackOnly();
            return rows;
        });
    }
}
