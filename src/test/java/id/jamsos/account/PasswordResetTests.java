package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Forgotten and changed passwords: single-use links valid 30 minutes, and every session ends with the old password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PasswordResetTests {

    static final String OLD = "ombak besar di pantai parangtritis";
    static final String NEW = "gunung merapi terlihat dari jogja";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aForgottenPasswordIsReplacedThroughTheEmailedLinkOnceAndEverySessionEnds() throws Exception {
        String email = Visitor.uniqueEmail("reset");
        Visitor phone = new Visitor(port, mvc);
        phone.registerAndVerify("Wayan Sudarta", email, OLD);
        phone.signIn(email, OLD);
        assertThat(phone.get("/akun").status()).isEqualTo(200);

        Visitor laptop = new Visitor(port, mvc);
        Visitor.Page requested = laptop.submit("/lupa-sandi", "/lupa-sandi", "email", email,
                "altcha", AltchaSolver.solve(mvc));
        assertThat(requested.location()).isEqualTo("/lupa-sandi");
        MimeMessage mail = TestMail.awaitMessagesTo(email, 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("Atur ulang kata sandi Jamsos");
        String link = Visitor.pathOf(TestMail.linkIn(mail, "/atur-ulang-sandi"));

        Instant expires = jdbc.sql("""
                        SELECT expires_at FROM account.email_token
                         WHERE email = :e AND purpose = 'RESET_PASSWORD'""").param("e", email)
                .query(Instant.class).single();
        Instant created = jdbc.sql("""
                        SELECT created_at FROM account.email_token
                         WHERE email = :e AND purpose = 'RESET_PASSWORD'""").param("e", email)
                .query(Instant.class).single();
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofMinutes(30));

        Visitor.Page done = laptop.submit(link, "/atur-ulang-sandi", "token", tokenOf(link), "password", NEW,
                "passwordAgain", NEW);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Kata sandi diganti");

        assertThat(phone.get("/akun").location()).as("the phone's session ended").isEqualTo("/masuk");
        assertThat(new Visitor(port, mvc).signIn(email, OLD).status()).isEqualTo(401);
        assertThat(new Visitor(port, mvc).signIn(email, NEW).location()).startsWith("/akun");

        Visitor.Page reused = laptop.get(link);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor = :e AND action = 'PASSWORD_RESET'")
                .param("e", email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String email = Visitor.uniqueEmail("expired");
        Visitor visitor = new Visitor(port, mvc);
        visitor.registerAndVerify("Made Wirawan", email, OLD);
        visitor.submit("/lupa-sandi", "/lupa-sandi", "email", email, "altcha", AltchaSolver.solve(mvc));
        String link = Visitor.pathOf(TestMail.linkIn(TestMail.awaitMessagesTo(email, 2).get(1), "/atur-ulang-sandi"));
        jdbc.sql("""
                        UPDATE account.email_token SET created_at = created_at - interval '31 minutes',
                               expires_at = expires_at - interval '31 minutes'
                         WHERE email = :e AND purpose = 'RESET_PASSWORD'""").param("e", email).update();

        assertThat(visitor.get(link).status()).isEqualTo(400);
        Visitor.Page late = visitor.submit("/lupa-sandi", "/atur-ulang-sandi", "token", tokenOf(link),
                "password", NEW, "passwordAgain", NEW);
        assertThat(late.status()).isEqualTo(400);
        assertThat(new Visitor(port, mvc).signIn(email, OLD).location()).startsWith("/akun");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = Visitor.uniqueEmail("nobody");
        Visitor visitor = new Visitor(port, mvc);
        Visitor.Page answer = visitor.submit("/lupa-sandi", "/lupa-sandi", "email", unknown,
                "altcha", AltchaSolver.solve(mvc));
        assertThat(answer.location()).isEqualTo("/lupa-sandi");
        assertThat(visitor.get("/lupa-sandi").body()).contains("Jika alamat itu terdaftar");
        Thread.sleep(1_000);
        assertThat(TestMail.to(unknown)).isEmpty();
    }

    @Test
    void changingThePasswordAsksForTheCurrentOneAndEndsEverySession() throws Exception {
        String email = Visitor.uniqueEmail("change");
        Visitor phone = new Visitor(port, mvc);
        phone.registerAndVerify("Nyoman Suarsa", email, OLD);
        phone.signIn(email, OLD);
        Visitor laptop = new Visitor(port, mvc);
        laptop.signIn(email, OLD);

        Visitor.Page wrongCurrent = laptop.submit("/akun", "/akun/sandi", "currentPassword", "bukan ini",
                "newPassword", NEW);
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(phone.get("/akun").status()).isEqualTo(200);

        Visitor.Page changed = laptop.submit("/akun", "/akun/sandi", "currentPassword", OLD, "newPassword", NEW);
        assertThat(changed.location()).isEqualTo("/masuk");
        assertThat(phone.get("/akun").location()).isEqualTo("/masuk");
        assertThat(laptop.get("/akun").location()).isEqualTo("/masuk");
        assertThat(new Visitor(port, mvc).signIn(email, NEW).location()).startsWith("/akun");
        MimeMessage notice = TestMail.awaitMessagesTo(email, 2).get(1);
        assertThat(notice.getSubject()).isEqualTo("Kata sandi Jamsos Anda telah diganti");
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
