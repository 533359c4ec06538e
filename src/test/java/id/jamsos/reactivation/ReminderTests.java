package id.jamsos.reactivation;

import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.internal.Reminders;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reminders in August 2022 (dates passed explicitly): an informal worker hears three days before the 15th and again
 * the day after; a wage earner hears that the employer did not pay July by its due date. Once each, however often
 * the job runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReminderTests {

    static final Period JULY = Period.of(2022, 7);
    static final Period AUGUST = Period.of(2022, 8);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    BillingRun billing;
    @Autowired
    Reminders reminders;
    @Autowired
    id.jamsos.contribution.Bills bills;
    @LocalServerPort
    int port;

    @Test
    void informalWorkersHearBeforeAndAfterTheDueDateAndWageEarnersWhenTheEmployerDidNotPay() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String bpuEmail = Visitor.uniqueEmail("bpu-remind");
        new Visitor(port, mvc).registerAndVerify("Ani Ingat", bpuEmail, "Pengingat-Iuran-2022");
        fixtures.informalWorker(fixtures.accountId(bpuEmail), bpuEmail, AUGUST, 2_000_000);
        String puEmail = Visitor.uniqueEmail("pu-remind");
        new Visitor(port, mvc).registerAndVerify("Budi Pekerja", puEmail, "Pengingat-Iuran-2022");
        long employer = fixtures.employer("PT Lalai Bayar");
        fixtures.wageEarner(fixtures.accountId(puEmail), puEmail, "Budi Pekerja", employer,
                LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 31));

        billing.run(JULY, EnumSet.of(Category.PU), at(LocalDate.of(2022, 8, 1), 1), p -> { });
        billing.run(AUGUST, EnumSet.of(Category.BPU), at(LocalDate.of(2022, 8, 1), 1), p -> { });

        // 11 August: four days ahead, nothing yet; 12 August: three days before Monday 15 August.
        reminders.send(LocalDate.of(2022, 8, 11));
        assertThat(mails(bpuEmail, "reminder-bpu-due")).isZero();
        assertThat(bills.unpaidDue(Category.BPU, LocalDate.of(2022, 8, 12), LocalDate.of(2022, 8, 15),
                LocalDate.of(2022, 8, 12), 0, 100)).filteredOn(b -> b.payer().memberId() != null).isNotEmpty()
                .allSatisfy(b -> assertThat(b.payer().employerId()).as("a BPU bill's payer is the member").isNull());
        reminders.send(LocalDate.of(2022, 8, 12));
        reminders.send(LocalDate.of(2022, 8, 13));
        assertThat(mails(bpuEmail, "reminder-bpu-due")).isEqualTo(1);
        assertThat(mails(bpuEmail, "reminder-bpu-overdue")).isZero();
        assertThat(mails(puEmail, "reminder-employer-unpaid")).isZero();
        assertThat(notices(bpuEmail, "BPU_DUE_SOON", "notice.reminder-bpu-due", "/pembayaran")).isEqualTo(1);

        // The informal worker switched to English since (their account's language): the next reminder follows.
        jdbc.sql("UPDATE account.account SET language = 'en' WHERE email = :e").param("e", bpuEmail.toLowerCase())
                .update();
        // 16 August: both overdue; the job runs twice.
        reminders.send(LocalDate.of(2022, 8, 16));
        reminders.send(LocalDate.of(2022, 8, 16));
        assertThat(mails(bpuEmail, "reminder-bpu-overdue")).isEqualTo(1);
        assertThat(mails(puEmail, "reminder-employer-unpaid")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body_html FROM notification.outbox_email WHERE recipient = :r"
                        + " AND template = 'reminder-employer-unpaid'").param("r", puEmail).query(String.class).single())
                .contains("PT Lalai Bayar").contains("Juli 2022").contains("15/08/2022");
        assertThat(mails(puEmail, "reminder-bpu-due")).as("a wage earner gets no BPU reminder").isZero();
        assertThat(jdbc.sql("SELECT language || ' ' || subject || ' ' || body_html FROM notification.outbox_email"
                        + " WHERE recipient = :r AND template = 'reminder-bpu-overdue'").param("r", bpuEmail)
                .query(String.class).single()).startsWith("en Your Jamsos contribution is overdue").contains("August 2022");
        assertThat(notices(bpuEmail, "BPU_OVERDUE", "notice.reminder-bpu-overdue", "/pembayaran")).isEqualTo(1);
        assertThat(notices(puEmail, "EMPLOYER_UNPAID", "notice.reminder-employer-unpaid", "/kepesertaan"))
                .isEqualTo(1);
        assertThat(notices(puEmail, "BPU_DUE_SOON", "notice.reminder-bpu-due", "/pembayaran")).isZero();
        assertThat(jdbc.sql("SELECT n.arguments::text FROM notification.notice n JOIN account.account a"
                        + " ON a.id = n.account_id WHERE a.email = :e AND n.kind = 'EMPLOYER_UNPAID'")
                .param("e", puEmail.toLowerCase()).query(String.class).single())
                .contains("2022-07").contains("2022-08-15").contains("PT Lalai Bayar");
    }

    /** Portal notices of a kind to the account, each checked for its text and link. */
    private long notices(String email, String kind, String key, String link) {
        return jdbc.sql("SELECT count(*) FROM notification.notice n JOIN account.account a ON a.id = n.account_id"
                        + " WHERE a.email = :e AND n.kind = :k AND n.message_key = :key AND n.link = :link")
                .param("e", email.toLowerCase()).param("k", kind).param("key", key).param("link", link)
                .query(Long.class).single();
    }

    private long mails(String recipient, String template) {
        return jdbc.sql("SELECT count(*) FROM notification.outbox_email WHERE recipient = :r AND template = :t")
                .param("r", recipient).param("t", template).query(Long.class).single();
    }
}
