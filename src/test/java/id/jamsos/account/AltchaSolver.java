package id.jamsos.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Solves the site's proof-of-work challenge the way the browser widget does, and answers the widget's payload. */
public final class AltchaSolver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AltchaSolver() {
    }

    public static String solve(MockMvc mvc) throws Exception {
        String body = mvc.perform(get("/altcha/challenge")).andReturn().getResponse().getContentAsString();
        JsonNode challenge = JSON.readTree(body);
        Altcha.Solution solution = Altcha.solveChallenge(challenge.get("challenge").asString(),
                challenge.get("salt").asString(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
        String payload = JSON.writeValueAsString(JSON.createObjectNode()
                .put("algorithm", challenge.get("algorithm").asString())
                .put("challenge", challenge.get("challenge").asString())
                .put("number", solution.number)
                .put("salt", challenge.get("salt").asString())
                .put("signature", challenge.get("signature").asString()));
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
