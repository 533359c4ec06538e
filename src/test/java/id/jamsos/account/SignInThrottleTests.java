package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-in under attack: after 3 failures the proof-of-work challenge, after 10 a stated time to come back, and never
 * a lock-out of the real owner, who gets in with the right password and a solved challenge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SignInThrottleTests {

    static final String PASSWORD = "layang-layang terbang di atas sawah";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void afterThreeFailuresTheChallengeIsRequiredEvenForTheRightPassword() throws Exception {
        String email = Visitor.uniqueEmail("three");
        new Visitor(port, mvc).registerAndVerify("Putri Ayu", email, PASSWORD);
        Visitor visitor = new Visitor(port, mvc);

        for (int i = 0; i < 3; i++) {
            Visitor.Page failed = visitor.signIn(email, "salah sandi nomor " + i);
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.body()).contains("Alamat surel atau kata sandi salah");
        }
        assertThat(visitor.get("/masuk").body()).contains("<altcha-widget");

        Visitor.Page withoutChallenge = visitor.signIn(email, PASSWORD);
        assertThat(withoutChallenge.status()).isEqualTo(401);
        assertThat(withoutChallenge.body()).contains("Terlalu banyak percobaan gagal").contains("<altcha-widget");

        Visitor.Page withChallenge = visitor.signInWithChallenge(email, PASSWORD);
        assertThat(withChallenge.location()).startsWith("/akun");
        assertThat(visitor.get("/akun").status()).isEqualTo(200);
    }

    @Test
    void afterTenFailuresThePageSaysWhenToComeBackYetTheOwnerStillGetsIn() throws Exception {
        String email = Visitor.uniqueEmail("ten");
        new Visitor(port, mvc).registerAndVerify("Joko Widodo", email, PASSWORD);
        Visitor attacker = new Visitor(port, mvc);

        Visitor.Page last = null;
        for (int i = 0; i < 10; i++) {
            last = attacker.signInWithChallenge(email, "tebakan penyerang " + i);
            assertThat(last.status()).isEqualTo(i < 9 ? 401 : 429);
        }
        assertThat(last.body()).containsPattern("Coba lagi setelah pukul [0-9]{2}\\.[0-9]{2} WIB");
        Visitor.Page limited = attacker.signIn(email, PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).containsPattern("[0-9]{2}\\.[0-9]{2} WIB");

        Visitor owner = new Visitor(port, mvc);
        assertThat(owner.signIn(email, PASSWORD).status()).as("without the challenge").isEqualTo(429);
        Visitor.Page ownerIn = owner.signInWithChallenge(email, PASSWORD);
        assertThat(ownerIn.location()).startsWith("/akun");

        List<String> outcomes = jdbc.sql("""
                        SELECT action || ':' || outcome FROM audit.audit_event
                         WHERE actor = :email AND ip_address = :ip ORDER BY id""")
                .param("email", email).param("ip", attacker.address()).query(String.class).list();
        assertThat(outcomes).hasSize(11).startsWith("SIGN_IN:FAILURE").endsWith("SIGN_IN_THROTTLED:DENIED");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() throws Exception {
        Visitor attacker = new Visitor(port, mvc);
        for (int i = 0; i < 10; i++) {
            attacker.signInWithChallenge(Visitor.uniqueEmail("spray"), "password spraying " + i);
        }
        Visitor.Page next = attacker.signIn(Visitor.uniqueEmail("spray"), "password spraying");
        assertThat(next.status()).isEqualTo(429);
        assertThat(next.body()).containsPattern("[0-9]{2}\\.[0-9]{2} WIB");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAsAWrongPassword() throws Exception {
        String email = Visitor.uniqueEmail("known");
        new Visitor(port, mvc).registerAndVerify("Kartini", email, PASSWORD);

        Visitor.Page known = new Visitor(port, mvc).signIn(email, "bukan kata sandinya");
        Visitor.Page unknown = new Visitor(port, mvc).signIn(Visitor.uniqueEmail("unknown"), "bukan kata sandinya");

        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(withoutEmailAndToken(unknown.body())).isEqualTo(withoutEmailAndToken(known.body()));
    }

    @Test
    void everyAttemptIsAuditedWithItsAddress() throws Exception {
        String email = Visitor.uniqueEmail("audited");
        new Visitor(port, mvc).registerAndVerify("Cut Nyak Dien", email, PASSWORD);
        Visitor visitor = new Visitor(port, mvc);
        visitor.signIn(email, "salah");
        visitor.signIn(email, PASSWORD);

        List<String> rows = jdbc.sql("""
                        SELECT action || ':' || outcome FROM audit.audit_event
                         WHERE actor = :email AND ip_address = :ip ORDER BY id""")
                .param("email", email).param("ip", visitor.address()).query(String.class).list();
        assertThat(rows).containsExactly("SIGN_IN:FAILURE", "SIGN_IN:SUCCESS");
    }

    private static String withoutEmailAndToken(String page) {
        return page.replaceAll("[a-z]+-[0-9a-f-]{36}@example\\.id", "EMAIL")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "CSRF");
    }
}
