package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The home page, the language switch, the layout per role and the security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WebPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void homePageSpeaksIndonesianByDefault() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"id\">")))
                .andExpect(content().string(containsString("Perlindungan untuk setiap pekerja")))
                .andExpect(content().string(containsString("Jaminan Hari Tua (JHT)")))
                .andExpect(content().string(containsString("tidak pernah meminta kata sandi atau kode OTP")));
    }

    @Test
    void langParameterSwitchesToEnglishAndRemembersItInACookie() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Protection for every worker")))
                .andExpect(cookie().value(LanguageConfiguration.COOKIE, "en"))
                .andExpect(cookie().httpOnly(LanguageConfiguration.COOKIE, true));
    }

    @Test
    void theRememberedLanguageIsUsedOnTheNextRequest() throws Exception {
        mvc.perform(get("/").cookie(new Cookie(LanguageConfiguration.COOKIE, "en")))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Old-Age Savings (JHT)")));
    }

    @Test
    void langParameterSwitchesBackToIndonesian() throws Exception {
        mvc.perform(get("/").param("lang", "id").cookie(new Cookie(LanguageConfiguration.COOKIE, "en")))
                .andExpect(content().string(containsString("<html lang=\"id\">")))
                .andExpect(cookie().value(LanguageConfiguration.COOKIE, "id"));
    }

    @Test
    void unknownLanguagesFallBackToIndonesian() throws Exception {
        mvc.perform(get("/").param("lang", "xx"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"id\">")));
        mvc.perform(get("/").param("lang", "%%%"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"id\">")));
        mvc.perform(get("/").cookie(new Cookie(LanguageConfiguration.COOKIE, "fr")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"id\">")));
    }

    @Test
    void languageSwitchKeepsTheCurrentPathAndNamesTheTargetLanguage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("href=\"/?lang=en\" hreflang=\"en\"")))
                .andExpect(content().string(containsString("href=\"/?lang=id\" hreflang=\"id\"")));
    }

    @Test
    void anonymousVisitorsAreOfferedRegistrationAndSignIn() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("href=\"/daftar\"")))
                .andExpect(content().string(containsString("href=\"/masuk\"")))
                .andExpect(content().string(containsString("href=\"/\" aria-current=\"page\"")))
                .andExpect(content().string(not(containsString("id=\"sign-out\""))));
    }

    @Test
    void aSignedInMemberSeesTheirNameAndASignOutFormButNoAdministration() throws Exception {
        mvc.perform(get("/").with(signedIn("Siti Aminah", Role.MEMBER)))
                .andExpect(content().string(containsString("Masuk sebagai Siti Aminah")))
                .andExpect(content().string(containsString("action=\"/keluar\" method=\"post\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("id=\"sign-out\"")))
                .andExpect(content().string(containsString("href=\"/akun\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/audit\""))))
                .andExpect(content().string(not(containsString("href=\"/daftar\""))));
    }

    @Test
    void anAdministratorSeesTheAdministrationLinks() throws Exception {
        mvc.perform(get("/").with(signedIn("Budi Santoso", Role.ADMIN)))
                .andExpect(content().string(containsString("href=\"/admin/akun\"")))
                .andExpect(content().string(containsString("href=\"/admin/audit\"")))
                .andExpect(content().string(containsString("href=\"/dev/mailbox\"")));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScript() throws Exception {
        String policy = mvc.perform(get("/"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andReturn().getResponse().getHeader("Content-Security-Policy");

        List<String> scriptSources = Arrays.stream(policy.split(";"))
                .map(String::strip)
                .filter(directive -> directive.startsWith("script-src "))
                .toList();
        assertThat(scriptSources).singleElement().asString()
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void pagesCarryNoInlineStylesOrScripts() throws Exception {
        String page = mvc.perform(get("/").with(signedIn("Budi Santoso", Role.ADMIN)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("style=").doesNotContain("<style").doesNotContain(" onclick=");
        assertThat(page.split("<script")).allSatisfy(part -> assertThat(part).doesNotStartWith(">"));
    }

    static RequestPostProcessor signedIn(String name, Role role) {
        SignedInAccount account = new SignedInAccount(UUID.randomUUID(), name, "someone@example.id", role);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
