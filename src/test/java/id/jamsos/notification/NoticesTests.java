package id.jamsos.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal notices: posted in the caller's transaction and once per account, kind and reference; read on
 * {@code /pemberitahuan} and through {@code /api/v1/notices} in the reader's language of the moment; counted in the
 * navigation's badge; nobody reaches another account's notice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class NoticesTests {

    static final String PASSWORD = "Pemberitahuan-Baru-2026";
    static final Pattern NOTICE_LINK = Pattern.compile("/pemberitahuan/([0-9a-f-]{36})");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    @Test
    void aNoticeIsPostedOncePerAccountKindAndReferenceAndOnlyInsideATransaction() {
        UUID account = UUID.randomUUID();
        Notice notice = settled(account, "101", Period.of(2026, 11), Rupiah.of(345_474));

        Boolean first = transaction.execute(status -> notifications.postNotice(notice));
        Boolean again = transaction.execute(status -> notifications.postNotice(notice));
        assertThat(first).isTrue();
        assertThat(again).as("posted again: nothing new").isFalse();
        assertThat(transaction.execute(status -> notifications.postNotices(List.of(notice,
                settled(account, "102", Period.of(2026, 12), Rupiah.of(1))))).intValue()).isEqualTo(1);
        assertThat(count(account)).isEqualTo(2);

        assertThatThrownBy(() -> notifications.postNotice(settled(account, "103", Period.of(2026, 12), Rupiah.ZERO)))
                .isInstanceOf(IllegalTransactionStateException.class);
        // Rolled back with the change that caused it.
        transaction.executeWithoutResult(status -> {
            notifications.postNotice(settled(account, "104", Period.of(2026, 12), Rupiah.ZERO));
            status.setRollbackOnly();
        });
        assertThat(count(account)).isEqualTo(2);
    }

    @Test
    void aNoticeRefusesALinkThatLeavesTheSiteAndAKeyOutsideItsFamily() {
        UUID account = UUID.randomUUID();
        assertThatThrownBy(() -> new Notice(account, "BILL_SETTLED", "1", "notice.bill-settled", List.of(),
                "//evil.example/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(account, "BILL_SETTLED", "1", "notice.bill-settled", List.of(),
                "https://evil.example/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(account, "BILL_SETTLED", "1", "mail.greeting", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(account, "bill settled", "1", "notice.bill-settled", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOwnerSeesTheBadgeReadsTheNoticesInEitherLanguageAndTheyAreThenRead() throws Exception {
        String email = Visitor.uniqueEmail("notices");
        Visitor owner = Visitor.signedInMember(port, mvc, "Nina Pemberitahuan", email, PASSWORD);
        UUID account = accountId(email);
        assertThat(owner.get("/akun").body()).contains("Pemberitahuan").doesNotContain("class=\"badge\"");

        transaction.executeWithoutResult(status -> {
            notifications.postNotice(settled(account, "201", Period.of(2026, 11), Rupiah.of(1_101_222)));
            notifications.postNotice(new Notice(account, "CONTRIBUTION_PAID", "201", "notice.contribution-paid",
                    List.of(NoticeArgument.month(Period.of(2026, 11)), NoticeArgument.text("PT Maju <Jaya>"),
                            NoticeArgument.amount(Rupiah.of(684_000))), "/saldo-jht"));
        });

        String home = owner.get("/akun").body();
        assertThat(home).contains("<span class=\"badge\">2</span><span class=\"visually-hidden\"> belum dibaca</span>");

        String page = owner.get("/pemberitahuan").body();
        assertThat(page).contains("2 pemberitahuan baru.")
                .contains("Iuran Anda untuk November 2026 telah dibayar oleh PT Maju &lt;Jaya&gt;. JHT Anda bulan itu"
                        + " bertambah Rp 684.000.")
                .contains("Tagihan iuran November 2026 atas nama PT Bayar telah lunas sebesar Rp 1.101.222.")
                .doesNotContain("PT Maju <Jaya>");
        assertThat(owner.get("/akun").body()).as("seen: the badge is gone").doesNotContain("class=\"badge\"");
        assertThat(unread(account)).isZero();

        String english = owner.get("/pemberitahuan?lang=en").body();
        assertThat(english).contains("Your contribution for November 2026 has been paid by PT Maju &lt;Jaya&gt;."
                        + " Your JHT grew by Rp 684.000 for that month.")
                .contains("The contribution bill of November 2026 for PT Bayar is settled: Rp 1.101.222.")
                .doesNotContain("new notice");

        // Opening a notice follows its link; posting a newer one puts it on top.
        Matcher link = NOTICE_LINK.matcher(english);
        assertThat(link.find()).isTrue();
        transaction.executeWithoutResult(status -> notifications.postNotice(settled(account, "202",
                Period.of(2026, 12), Rupiah.of(5))));
        assertThat(owner.get("/akun").body()).contains("<span class=\"badge\">1</span><span class=\"visually-hidden\">"
                + " unread</span>");
        String newest = owner.get("/pemberitahuan").body();
        assertThat(newest.indexOf("December 2026")).isLessThan(newest.indexOf("November 2026")).isPositive();
        assertThat(newest).contains("1 new notice.");
        Matcher top = NOTICE_LINK.matcher(newest);
        assertThat(top.find()).isTrue();
        Visitor.Page opened = owner.get("/pemberitahuan/" + top.group(1));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith("/pembayaran");
    }

    @Test
    void nobodyReachesAnotherAccountsNoticeAndAnUnknownOrMalformedIdIsTheSame404() throws Exception {
        String ownerEmail = Visitor.uniqueEmail("notice-owner");
        Visitor owner = Visitor.signedInMember(port, mvc, "Oki Pemilik", ownerEmail, PASSWORD);
        UUID account = accountId(ownerEmail);
        transaction.executeWithoutResult(status -> notifications.postNotice(settled(account, "301",
                Period.of(2026, 10), Rupiah.of(77_777))));
        UUID id = jdbc.sql("SELECT id FROM notification.notice WHERE account_id = :a").param("a", account)
                .query(UUID.class).single();
        Visitor other = Visitor.signedInMember(port, mvc, "Lain Orang", Visitor.uniqueEmail("notice-other"), PASSWORD);

        assertThat(other.get("/pemberitahuan/" + id).status()).isEqualTo(404);
        assertThat(other.get("/pemberitahuan/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(other.get("/pemberitahuan/abc").status()).isEqualTo(404);
        assertThat(other.get("/pemberitahuan").body()).doesNotContain("Rp 77.777").contains("Belum ada pemberitahuan.");
        Visitor.Page api = other.api("GET", "/api/v1/notices/" + id, null, null, null);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).contains("https://jamsos.id/problems/not-found");
        assertThat(other.api("GET", "/api/v1/notices/x", null, null, null).status()).isEqualTo(404);
        assertThat(other.api("POST", "/api/v1/notices/" + id + "/read", "application/json", new byte[0],
                "/pemberitahuan").status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/notices", null, null, null).body()).doesNotContain(id.toString());
        assertThat(unread(account)).as("the other's attempts changed nothing").isEqualTo(1);
        assertThat(new Visitor(port, mvc).get("/pemberitahuan").status()).as("signed out: to sign-in").isEqualTo(302);
        assertThat(new Visitor(port, mvc).api("GET", "/api/v1/notices", null, null, null).status()).isEqualTo(401);

        // The owner reads it through the API in the language asked for, then marks it read.
        Visitor.Page mine = owner.api("GET", "/api/v1/notices?lang=en", null, null, null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(id.toString()).contains("October 2026").contains("\"unread\":1")
                .contains("\"readAt\":null").contains("\"link\":\"/pembayaran\"");
        assertThat(owner.api("GET", "/api/v1/notices/unread", null, null, null).body()).contains("\"unread\":1");
        Visitor.Page read = owner.api("POST", "/api/v1/notices/" + id + "/read", "application/json", new byte[0],
                "/akun");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("\"readAt\":null");
        assertThat(unread(account)).isZero();
        assertThat(owner.api("POST", "/api/v1/notices/read", null, null, null).status())
                .as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void theListPagesTwentyAtATimeAndTheBadgeStopsCountingAtNinetyNinePlus() throws Exception {
        String email = Visitor.uniqueEmail("notice-many");
        Visitor owner = Visitor.signedInMember(port, mvc, "Banyak Kabar", email, PASSWORD);
        UUID account = accountId(email);
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 120; i++) {
                notifications.postNotice(settled(account, "many-" + i, Period.of(2026, 1 + i % 12), Rupiah.of(i + 1)));
            }
        });
        assertThat(owner.get("/akun").body()).contains("<span class=\"badge\">99+</span>");
        assertThat(owner.api("GET", "/api/v1/notices/unread", null, null, null).body())
                .contains("\"unread\":100").contains("\"more\":true");

        String first = owner.get("/pemberitahuan").body();
        assertThat(NOTICE_LINK.matcher(first).results().count()).isEqualTo(20);
        assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(unread(account)).as("the page marks what it showed").isEqualTo(100);
        String sixth = owner.get("/pemberitahuan?page=6").body();
        assertThat(NOTICE_LINK.matcher(sixth).results().count()).isEqualTo(20);
        assertThat(sixth).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(NOTICE_LINK.matcher(owner.get("/pemberitahuan?page=7").body()).results().count()).isZero();
        assertThat(owner.get("/pemberitahuan?page=junk").status()).isEqualTo(200);

        Visitor.Page all = owner.submit("/pemberitahuan", "/pemberitahuan/dibaca");
        assertThat(all.status()).isEqualTo(302);
        assertThat(unread(account)).isZero();
    }

    @Test
    void theApiIsDescribedInTheOpenApiDocument() throws Exception {
        String docs = new Visitor(port, mvc).get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/notices").contains("/api/v1/notices/{id}")
                .contains("/api/v1/notices/{id}/read").contains("/api/v1/notices/unread");
    }

    private static Notice settled(UUID account, String bill, Period period, Rupiah total) {
        return new Notice(account, "BILL_SETTLED", bill, "notice.bill-settled", List.of(NoticeArgument.month(period),
                NoticeArgument.text("PT Bayar"), NoticeArgument.amount(total)), "/pembayaran");
    }

    private long count(UUID account) {
        return jdbc.sql("SELECT count(*) FROM notification.notice WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
    }

    private long unread(UUID account) {
        return jdbc.sql("SELECT count(*) FROM notification.notice WHERE account_id = :a AND read_at IS NULL")
                .param("a", account).query(Long.class).single();
    }

    private UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email.toLowerCase())
                .query(UUID.class).single();
    }
}
