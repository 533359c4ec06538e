package id.jamsos.platform;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.jamsos.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator's monitoring reads: health that includes the database, and which build is running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ActuatorTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsUpWhenTheDatabaseAnswersAndShowsNoDetailsToStrangers() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void infoNamesTheVersionAndTheGitCommit() throws Exception {
        mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.version").isNotEmpty())
                .andExpect(jsonPath("$.build.artifact").value("jamsos"))
                .andExpect(jsonPath("$.git.commit.id").value(matchesPattern("[0-9a-f]{7,40}")));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(redirectedUrl("/masuk"));
        mvc.perform(get("/actuator/env").with(user("admin").authorities(new SimpleGrantedAuthority(Role.ADMIN.authority()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/actuator/beans").with(user("admin").authorities(new SimpleGrantedAuthority(Role.ADMIN.authority()))))
                .andExpect(status().isNotFound());
    }
}
