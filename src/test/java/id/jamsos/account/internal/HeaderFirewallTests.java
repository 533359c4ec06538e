package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

/** Spring Security guards every request with the platform's firewall (its header rules as loops). */
@SpringBootTest
class HeaderFirewallTests {

    @Autowired
    FilterChainProxy springSecurityFilterChain;
    @Autowired
    HttpFirewall firewall;

    @Test
    void theSecurityFilterChainUsesThePlatformsFirewall() {
        // The bean wraps the chain Spring Security built (and is a FilterChainProxy of its own, with an unused
        // firewall): the one that guards the requests is inside.
        Object guarding = ReflectionTestUtils.getField(springSecurityFilterChain, "springSecurityFilterChain");
        assertThat(guarding).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(guarding, "firewall")).isSameAs(firewall);
    }
}
