package id.jamsos.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own header rules written as loops instead of regular expressions. It
 * checks every header name and value each time the platform reads one, and the regular expressions were 6–9 % of the
 * balance API's CPU (JFR, docs/performance.md). The rules are the same: every code point of a name is assigned and
 * not a control character; a value may also hold tabs (the firewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}
 * and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; {@code HeaderFirewallTest} holds both to the patterns).
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::allowedName);
        firewall.setAllowedHeaderValues(HeaderFirewall::allowedValue);
        return firewall;
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabs && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
