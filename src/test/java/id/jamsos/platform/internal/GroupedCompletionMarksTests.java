package id.jamsos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits are durable; the registry's completion marks are written in groups, after their listeners' work, without
 * waiting for the WAL flush.
 */
@SpringBootTest
class GroupedCompletionMarksTests {

    @Autowired
    EventPublicationRepository publications;
    @Autowired
    GroupedCompletionMarks marks;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    String synchronousCommit() {
        return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
    }

    /** Publications as the registry stores them, for a listener of these tests. */
    List<UUID> published(int count, String listener) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event)
                            VALUES (:id, 'java.lang.String', :listener, :at, :event)""")
                    .param("id", id).param("listener", listener).param("at", OffsetDateTime.now())
                    .param("event", "\"" + id + "\"").update();
            ids.add(id);
        }
        return ids;
    }

    long left(String listener) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id = :l").param("l", listener)
                .query(Long.class).single();
    }

    long waitUntilNoneLeft(String listener) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long left = left(listener);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = left(listener);
        }
        return left;
    }

    @Test
    void everyDatabaseTheTestsUseCommitsDurablyAsProductionDoes() {
        // the embedded server too (its library's default is off): a payment answered is a payment kept
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    @Test
    void twoHundredMarksAreWrittenInAFewGroups() throws InterruptedException {
        String listener = "test.marks.grouped." + UUID.randomUUID();
        List<UUID> ids = published(200, listener);
        long groupsBefore = marks.groupsWritten();

        // as the registry marks them: each in a transaction of its own, after its listener's work
        for (UUID id : ids) {
            transactions.executeWithoutResult(tx -> publications.markCompleted(id, Instant.now()));
        }

        assertThat(waitUntilNoneLeft(listener)).as("publications left").isZero();
        long groups = marks.groupsWritten() - groupsBefore;
        assertThat(groups).as("groups written for 200 marks").isBetween(1L, 20L);
    }

    @Test
    void aMarkNotedTouchesNotTheTransactionThatNotedIt() throws InterruptedException {
        String listener = "test.marks.outside." + UUID.randomUUID();
        UUID id = published(1, listener).get(0);

        String during = transactions.execute(tx -> {
            publications.markCompleted(id, Instant.now());
            long stillThere = left(listener);
            assertThat(stillThere).as("deleted by the group, not by the caller's transaction").isEqualTo(1);
            return synchronousCommit();
        });

        assertThat(during).isEqualTo("on");
        assertThat(waitUntilNoneLeft(listener)).isZero();
    }

    @Test
    void aMarkByEventAndListenerIsWrittenAtOnceWithoutWaitingForTheFlushAndTheSettingEndsWithItsTransaction() {
        String server = synchronousCommit();
        String listener = "test.marks.by-event." + UUID.randomUUID();
        published(1, listener);
        String event = jdbc.sql("SELECT serialized_event FROM event_publication WHERE listener_id = :l")
                .param("l", listener).query(String.class).single();

        String during = transactions.execute(tx -> {
            publications.markCompleted(event.substring(1, event.length() - 1), PublicationTargetIdentifier.of(listener),
                    Instant.now());
            return synchronousCommit();
        });
        String otherWork = transactions.execute(tx -> synchronousCommit());

        assertThat(left(listener)).isZero();
        assertThat(during).isEqualTo("off");
        assertThat(otherWork).isEqualTo(server);
        assertThat(synchronousCommit()).isEqualTo(server);
    }

    @Test
    void stoppingWritesTheMarksStillNoted() {
        String listener = "test.marks.stop." + UUID.randomUUID();
        List<UUID> ids = published(50, listener);
        try {
            for (UUID id : ids) {
                publications.markCompleted(id, Instant.now());
            }
            marks.stop();
            assertThat(left(listener)).as("publications left after stop").isZero();
            assertThat(marks.waiting()).isZero();
        } finally {
            marks.start();
        }
    }
}
