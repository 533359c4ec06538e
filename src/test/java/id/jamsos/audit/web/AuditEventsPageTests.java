package id.jamsos.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Administrators read the trail; nobody else may. Same annotations as the other web tests, so that all of them share
 * one cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AuditEventsPageTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AuditLog auditLog;

    MockMvc mvc;

    /**
     * Built here rather than injected: without spring-boot-security-test on the class path the auto-configured
     * MockMvc does not carry {@code @WithMockUser} into the security filter chain.
     */
    @BeforeEach
    void buildMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorSeesTheEntriesNewestFirstWithJakartaTime() throws Exception {
        String older = record("PAGE_OLDER", "ani@example.id");
        String newer = record("PAGE_NEWER", "ani@example.id");

        String page = mvc.perform(get("/admin/audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jejak audit")))
                .andExpect(content().string(containsString("ani@example.id")))
                .andExpect(content().string(containsString("Ditolak")))
                .andExpect(content().string(containsString("reason=test")))
                .andExpect(content().string(containsString(" WIB</time>")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page.indexOf(newer)).isLessThan(page.indexOf(older));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorFiltersByActionAndActor() throws Exception {
        String wanted = record("FILTER_WANTED", "budi_100%@example.id");
        String other = record("FILTER_OTHER", "budi_100%@example.id");
        String stranger = record("FILTER_WANTED", "citra@example.id");

        mvc.perform(get("/admin/audit").param("action", "filter_wanted").param("actor", "BUDI_100%"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(wanted)))
                .andExpect(content().string(not(containsString(other))))
                .andExpect(content().string(not(containsString(stranger))));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theEnglishPageNamesTheColumnsInEnglish() throws Exception {
        mvc.perform(get("/admin/audit").param("lang", "en").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Audit trail")))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    @WithMockUser(roles = "MEMBER")
    void aMemberIsRefused() throws Exception {
        mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection());
    }

    /** Records a denied action on a fresh target and returns the target id, which is unique on the page. */
    private String record(String action, String actor) {
        String targetId = UUID.randomUUID().toString();
        auditLog.record(new AuditEntry(UUID.randomUUID(), actor, action, "ACCOUNT", targetId, "192.0.2.10",
                AuditOutcome.DENIED, Map.of("reason", "test")));
        return targetId;
    }
}
