package id.jamsos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** Commits are durable; only the registry's completion marks commit without waiting for the WAL flush. */
@SpringBootTest
class LazyCompletionMarksTests {

    @Autowired
    EventPublicationRepository publications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    String synchronousCommit() {
        return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
    }

    @Test
    void everyDatabaseTheTestsUseCommitsDurablyAsProductionDoes() {
        // the embedded server too (its library's default is off): a payment answered is a payment kept
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    @Test
    void aCompletionMarkWaitsForNoFlushAndTheSettingEndsWithItsTransaction() {
        String server = synchronousCommit();

        String during = transactions.execute(tx -> {
            publications.markCompleted(UUID.randomUUID(), Instant.now());
            return synchronousCommit();
        });
        String otherWork = transactions.execute(tx -> synchronousCommit());

        assertThat(during).isEqualTo("off");
        assertThat(otherWork).isEqualTo(server);
        assertThat(synchronousCommit()).isEqualTo(server);
    }
}
