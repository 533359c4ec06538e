package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    private String handler(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
