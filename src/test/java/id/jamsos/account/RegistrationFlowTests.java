package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.jamsos.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Registration, e-mail verification and the first sign-in, against PostgreSQL and a real SMTP server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RegistrationFlowTests {

    static final String PASSWORD = "sepeda motor merah di depan pasar";

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkerRegistersVerifiesTheAddressAndSignsIn() throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        String email = Visitor.uniqueEmail("rina");

        Visitor.Page registered = visitor.register("Rina Wulandari", email, "0812-3456-7890", PASSWORD, "en");
        assertThat(registered.location()).isEqualTo("/daftar/terkirim");
        assertThat(jdbc.sql("SELECT mobile_number FROM account.account WHERE email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("+6281234567890");

        MimeMessage mail = TestMail.awaitMessagesTo(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Verify the e-mail address of your Jamsos account");
        assertThat(GreenMailUtil.getBody(mail)).contains("Rina Wulandari");

        Visitor.Page beforeVerifying = visitor.signIn(email, PASSWORD);
        assertThat(beforeVerifying.status()).isEqualTo(401);
        assertThat(beforeVerifying.body()).contains("Your e-mail address is not verified yet");
        assertThat(visitor.get("/akun").location()).isEqualTo("/masuk");

        String link = Visitor.pathOf(TestMail.linkIn(mail, "/verifikasi"));
        Visitor.Page verified = visitor.get(link);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("E-mail verified");
        Visitor.Page again = visitor.get(link);
        assertThat(again.body()).doesNotContain("E-mail verified");

        visitor.get("/masuk");
        String sessionBefore = visitor.sessionId();
        Visitor.Page signedIn = visitor.signIn(email, PASSWORD);
        assertThat(signedIn.location()).startsWith("/akun");
        assertThat(visitor.sessionId()).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(signedIn.setCookies()).filteredOn(c -> c.startsWith(Visitor.SESSION_COOKIE + "="))
                .singleElement().asString().contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        Visitor.Page dashboard = visitor.get("/akun");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Rina Wulandari").contains("+62 812-****-7890");

        assertThat(auditActions(email)).contains("ACCOUNT_REGISTERED", "SIGN_IN_UNVERIFIED", "EMAIL_VERIFIED", "SIGN_IN");
    }

    @Test
    void aForgedOrMissingVerificationTokenVerifiesNothing() throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        String email = Visitor.uniqueEmail("forged");
        visitor.register("Budi Hartono", email, "081311112222", PASSWORD, "id");
        TestMail.awaitMessagesTo(email, 1);

        assertThat(visitor.get("/verifikasi?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status())
                .isEqualTo(400);
        assertThat(visitor.get("/verifikasi").status()).isEqualTo(400);
        assertThat(visitor.get("/verifikasi?token=" + "x".repeat(10_000)).status()).isEqualTo(400);
        assertThat(verified(email)).isFalse();
    }

    @Test
    void registeringAnAddressThatHasAnAccountLooksTheSameButChangesNothingAndWarnsTheOwner() throws Exception {
        Visitor owner = new Visitor(port, mvc);
        String email = Visitor.uniqueEmail("owner");
        owner.registerAndVerify("Sri Mulyani", email, PASSWORD);
        int accounts = count("account.account");

        Visitor stranger = new Visitor(port, mvc);
        Visitor.Page secondTime = stranger.register("Orang Lain", email, "081399998888", "kata sandi lain yang panjang", "id");
        Visitor.Page newAddress = stranger.register("Orang Lain", Visitor.uniqueEmail("new"), "081399998888",
                "kata sandi lain yang panjang", "id");

        assertThat(secondTime.status()).isEqualTo(newAddress.status());
        assertThat(secondTime.location()).isEqualTo(newAddress.location());
        assertThat(count("account.account")).isEqualTo(accounts + 1);
        assertThat(jdbc.sql("SELECT full_name FROM account.account WHERE email = :e").param("e", email)
                .query(String.class).single()).isEqualTo("Sri Mulyani");
        MimeMessage warning = TestMail.awaitMessagesTo(email, 2).get(1);
        assertThat(warning.getSubject()).isEqualTo("Ada yang mencoba mendaftar dengan alamat surel Anda");
    }

    @Test
    void aNewVerificationLinkCanBeRequestedAndTheOldOneStillWorksOnce() throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        String email = Visitor.uniqueEmail("resend");
        visitor.register("Agus Salim", email, "081355556666", PASSWORD, "id");
        TestMail.awaitMessagesTo(email, 1);
        Visitor.Page tooSoon = visitor.submit("/daftar/terkirim", "/verifikasi/kirim-ulang", "email", email);
        assertThat(tooSoon.location()).isEqualTo("/daftar/terkirim");
        assertThat(queuedFor(email)).isEqualTo(1);

        olderTokens(email, 3);
        Visitor.Page resent = visitor.submit("/daftar/terkirim", "/verifikasi/kirim-ulang", "email", email);
        assertThat(resent.location()).isEqualTo("/daftar/terkirim");
        MimeMessage second = TestMail.awaitMessagesTo(email, 2).get(1);
        visitor.get(Visitor.pathOf(TestMail.linkIn(second, "/verifikasi")));
        assertThat(verified(email)).isTrue();

        // Asking for an unknown address answers the same way and sends nothing.
        String unknown = Visitor.uniqueEmail("nobody");
        assertThat(visitor.submit("/daftar/terkirim", "/verifikasi/kirim-ulang", "email", unknown).location())
                .isEqualTo("/daftar/terkirim");
        Thread.sleep(1_000);
        assertThat(TestMail.to(unknown)).isEmpty();
    }

    @Test
    void resendingIsThrottled() throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        String email = Visitor.uniqueEmail("many");
        visitor.register("Dewi Sartika", email, "081377778888", PASSWORD, "id");
        for (int i = 0; i < 10; i++) {
            olderTokens(email, 3); // as if each request came minutes after the last
            visitor.submit("/daftar/terkirim", "/verifikasi/kirim-ulang", "email", email);
        }
        // At most five verification links a day, the one sent at registration included.
        assertThat(queuedFor(email)).isEqualTo(5);
    }

    private int queuedFor(String email) {
        return jdbc.sql("SELECT count(*) FROM notification.outbox_email WHERE recipient = :e").param("e", email)
                .query(Integer.class).single();
    }

    /** Moves the account's links back in time; the rules count links issued in the last minutes and day. */
    private void olderTokens(String email, int minutes) {
        jdbc.sql("""
                        UPDATE account.email_token SET created_at = created_at - make_interval(mins => :m),
                               expires_at = expires_at - make_interval(mins => :m)
                         WHERE email = :e""")
                .param("m", minutes).param("e", email).update();
    }

    private boolean verified(String email) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM account.account WHERE email = :e").param("e", email)
                .query(Boolean.class).single();
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private java.util.List<String> auditActions(String email) {
        return jdbc.sql("SELECT action FROM audit.audit_event WHERE actor = :e ORDER BY id").param("e", email)
                .query(String.class).list();
    }
}
