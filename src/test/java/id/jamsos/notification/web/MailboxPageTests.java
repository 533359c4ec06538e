package id.jamsos.notification.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The development mailbox: administrators read queued e-mails and can open their links; nobody else sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MailboxPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorReadsTheMessageAndItsLink() throws Exception {
        String recipient = "mailbox-" + UUID.randomUUID() + "@example.id";
        transaction.executeWithoutResult(status -> notifications.sendEmail(new EmailMessage(recipient, Locale.ENGLISH,
                "account-verify-email", Map.of("name", "Dewi <b>Lestari</b>", "link", "http://localhost:8080/verifikasi?token=t1"))));
        UUID id = jdbc.sql("SELECT id FROM notification.outbox_email WHERE recipient = :r").param("r", recipient)
                .query(UUID.class).single();

        mvc.perform(get("/dev/mailbox").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(recipient)))
                .andExpect(content().string(containsString("href=\"/dev/mailbox/" + id + "\"")))
                .andExpect(content().string(containsString("Kotak surat")));

        mvc.perform(get("/dev/mailbox/{id}", id).with(as(Role.ADMIN)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Verify the e-mail address of your Jamsos account")))
                .andExpect(content().string(containsString("href=\"http://localhost:8080/verifikasi?token=t1\"")))
                .andExpect(content().string(containsString("Dewi &lt;b&gt;Lestari&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>Lestari"))));
    }

    @Test
    void unknownAndMalformedIdsAreClientErrors() throws Exception {
        mvc.perform(get("/dev/mailbox/{id}", UUID.randomUUID()).with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/dev/mailbox/not-a-uuid").with(as(Role.ADMIN))).andExpect(status().isBadRequest());
        mvc.perform(get("/dev/mailbox").param("page", "x").with(as(Role.ADMIN))).andExpect(status().isBadRequest());
    }

    @Test
    void nobodyButAnAdministratorGetsIn() throws Exception {
        mvc.perform(get("/dev/mailbox").with(as(Role.MEMBER))).andExpect(status().isForbidden());
        mvc.perform(get("/dev/mailbox").with(as(Role.OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/dev/mailbox")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/masuk"));
    }

    private static RequestPostProcessor as(Role role) {
        SignedInAccount account = new SignedInAccount(UUID.randomUUID(), "Test " + role, "t@example.id", role);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
