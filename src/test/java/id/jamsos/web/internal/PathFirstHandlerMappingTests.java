package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The platform's routes are looked up path first, and the lookup still finds what Spring MVC's own finds: a route
 * with a variable, a fixed route beside it, and no route for an address that has none.
 */
@SpringBootTest
class PathFirstHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void routesAreLookedUpPathFirstAndFoundAsBefore() throws Exception {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        assertThat(handler("GET", "/api/v1/ledger/12345678901/balance")).isEqualTo("balance");
        assertThat(handler("GET", "/api/v1/ledger/balance")).isEqualTo("ownBalance");
        assertThat(handler("GET", "/api/v1/ledger/12345678901/contributions")).isEqualTo("history");
        assertThat(handler("POST", "/api/v1/ledger/cards")).isEqualTo("link");
        assertThat(handler("GET", "/api/v1/ledger/cards")).isEqualTo("cards");
        assertThat(handler("GET", "/api/v1/no-such-thing/at/all")).isNull();
    }

    /**
     * The quick reject never sets aside a route whose patterns match: every route's patterns against addresses made
     * from every pattern (variables filled in, encoded, doubled or trailing separators, other case, matrix variables).
     */
    @Test
    void noRouteThatMatchesIsSetAside() {
        PathFirstHandlerMapping lookup = (PathFirstHandlerMapping) mapping;
        List<String> addresses = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                String filled = pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "26000000021")
                        .replace("**", "x/y").replace("*", "z");
                addresses.add(filled);
                addresses.add(filled + "/");
                addresses.add(filled.replace("/", "//"));
                addresses.add(filled.replace("a", "%61"));
                addresses.add(filled.toUpperCase(java.util.Locale.ROOT));
                addresses.add(filled.replaceFirst("/([^/]+)/", "/$1;v=1/"));
                addresses.add(filled.substring(0, filled.lastIndexOf('/') + 1));
            }
        }
        int matched = 0;
        int setAside = 0;
        for (String address : addresses) {
            PathContainer path = PathContainer.parsePath(address);
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                boolean matches = info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(path));
                assertThat(lookup.cannotMatch(info, path)).as("%s against %s", address, info).isEqualTo(!matches);
                matched += matches ? 1 : 0;
                setAside += matches ? 0 : 1;
            }
        }
        assertThat(matched).as("addresses that some route matches").isGreaterThan(addresses.size() / 2);
        assertThat(setAside).isGreaterThan(matched);
        assertThat(PathFirstHandlerMapping.literalHead("/api/v1/ledger/{kpj}/balance"))
                .containsExactly("api", "v1", "ledger");
        assertThat(PathFirstHandlerMapping.literalHead("/api/v1/ledger/balance")).containsExactly("api", "v1", "ledger");
        assertThat(PathFirstHandlerMapping.literalHead("/**")).isEmpty();
        assertThat(PathFirstHandlerMapping.literalHead("/a%20b/c")).isEmpty();
    }

    private String handler(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
