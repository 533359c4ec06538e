package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The account's language, which e-mails follow: chosen at registration, at sign-in, and with the language switch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AccountLanguageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountContacts contacts;
    @LocalServerPort
    int port;

    @Test
    void theLanguageSwitchOfASignedInPersonChangesTheirAccountsLanguageAndAVisitorsChangesNothing() throws Exception {
        String email = Visitor.uniqueEmail("language");
        Visitor member = Visitor.signedInMember(port, mvc, "Lina Bahasa", email, "Bahasa-Akun-2026");
        UUID account = jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email)
                .query(UUID.class).single();
        AccountContacts.Recipient before = contacts.recipient(account).orElseThrow();
        assertThat(before.language()).isEqualTo(Locale.forLanguageTag("id"));
        assertThat(before.email()).isEqualTo(email);
        assertThat(before.fullName()).isEqualTo("Lina Bahasa");

        member.get("/akun?lang=en");
        assertThat(contacts.language(account)).isEqualTo(Locale.ENGLISH);
        member.get("/akun?lang=xx");
        assertThat(contacts.language(account)).as("an unknown language is ignored").isEqualTo(Locale.ENGLISH);
        member.get("/akun?lang=id");
        assertThat(contacts.language(account)).isEqualTo(Locale.forLanguageTag("id"));

        assertThat(contacts.recipient(UUID.randomUUID())).isEmpty();
        assertThat(contacts.language(UUID.randomUUID())).isEqualTo(Locale.forLanguageTag("id"));
    }
}
