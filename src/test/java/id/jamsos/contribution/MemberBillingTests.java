package id.jamsos.contribution;

import static id.jamsos.contribution.BillingFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.internal.BillingRun;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One informal worker billed outside the monthly run: as the run bills, once per member and period. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberBillingTests {

    static final Period MAY = Period.of(2026, 5);

    @Autowired
    Billing billing;
    @Autowired
    BillingRun run;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberEnrolledAfterTheRunIsBilledAsTheRunBillsAndOnlyOnce() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        UUID early = member(fixtures, "Ani Awal");
        informalWorkers.enrol(early, Rupiah.of(3_000_000), Set.of(Program.JHT), MAY);
        run.run(MAY, EnumSet.of(Category.BPU), on(MAY.firstDay()), p -> { });

        UUID late = member(fixtures, "Budi Belakangan");
        informalWorkers.enrol(late, Rupiah.of(3_000_000), Set.of(Program.JHT), MAY);
        assertThat(bills(fixtures, late)).as("the run of the 1st passed them by").isZero();

        assertThat(billing.billMember(late, MAY)).isTrue();
        assertThat(bills(fixtures, late)).isEqualTo(1);
        assertThat(lines(fixtures.billOf(late, MAY))).as("the same lines as the run's")
                .isEqualTo(lines(fixtures.billOf(early, MAY))).hasSize(3);
        assertThat(jdbc.sql("SELECT due_date, employer_total, worker_total FROM contribution.bill WHERE id = :id")
                .param("id", fixtures.billOf(late, MAY)).query().listOfRows())
                .isEqualTo(jdbc.sql("SELECT due_date, employer_total, worker_total FROM contribution.bill WHERE id = :id")
                        .param("id", fixtures.billOf(early, MAY)).query().listOfRows());

        assertThat(billing.billMember(late, MAY)).as("twice").isFalse();
        assertThat(billing.billMember(early, MAY)).as("billed by the run").isFalse();
        run.run(MAY, EnumSet.of(Category.BPU), on(MAY.firstDay()), p -> { });
        assertThat(bills(fixtures, late)).as("the run again").isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE bill_id = ?",
                fixtures.billOf(late, MAY))).isEqualTo(3);
    }

    @Test
    void aMemberNotEnrolledForThePeriodIsNotBilled() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        UUID later = member(fixtures, "Citra Nanti");
        informalWorkers.enrol(later, Rupiah.of(2_000_000), Set.of(), MAY.next());
        assertThat(billing.billMember(later, MAY)).isFalse();
        assertThat(billing.billMember(member(fixtures, "Dedi Tanpa"), MAY)).isFalse();
        assertThat(billing.billMember(UUID.randomUUID(), MAY)).isFalse();
        assertThat(bills(fixtures, later)).isZero();
    }

    private static UUID member(BillingFixtures fixtures, String name) {
        return fixtures.activeMember(UUID.randomUUID(), "bpu-" + UUID.randomUUID() + "@example.id", name);
    }

    private static long bills(BillingFixtures fixtures, UUID member) {
        return fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ? AND period = ?", member,
                MAY.toString());
    }

    private List<String> lines(long billId) {
        return jdbc.sql("""
                        SELECT program || ' ' || party || ' ' || amount FROM contribution.bill_line
                         WHERE bill_id = :id ORDER BY program, party""")
                .param("id", billId).query(String.class).list();
    }
}
