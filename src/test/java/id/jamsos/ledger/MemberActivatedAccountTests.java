package id.jamsos.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.ledger.internal.LedgerAccounts;
import id.jamsos.membership.MemberActivated;
import id.jamsos.membership.MemberCategory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An activated member gets one JHT account, however often the event is delivered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MemberActivatedAccountTests {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theJhtAccountIsOpenedOnceWithTheKpj() throws Exception {
        UUID member = UUID.randomUUID();
        MemberActivated activated = new MemberActivated(member, UUID.randomUUID(), "12345678901",
                LocalDate.of(2025, 4, 1), MemberCategory.PU, List.of("JHT", "JKK", "JKM", "JP"), null);
        transactions.executeWithoutResult(s -> events.publishEvent(activated));
        transactions.executeWithoutResult(s -> events.publishEvent(activated));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<Long> account = accounts.jht(member);
        while (account.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            account = accounts.jht(member);
        }
        assertThat(account).isPresent();
        Thread.sleep(500);
        assertThat(jdbc.sql("SELECT kpj || ' ' || opened_on FROM ledger.account WHERE member_id = :m")
                .param("m", member).query(String.class).list()).containsExactly("12345678901 2025-04-01");
        assertThat(jdbc.sql("SELECT credits - debits FROM ledger.balance WHERE account_id = :a")
                .param("a", account.get()).query(Long.class).single()).isZero();
        // The ledger's listener completed (the account is there): the registry keeps no completed publication of the
        // event (spring.modulith.events.completion-mode=delete; with "update" they stay, marked completed).
        Thread.sleep(2000);
        long kept = jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :m"
                        + " AND completion_date IS NOT NULL").param("m", "%" + member + "%").query(Long.class).single();
        assertThat(kept).as("publications kept after completion").isZero();
    }
}
