package id.jamsos.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what. Public pages are listed; everything else needs a signed-in account, and back-office areas a
 * role. Headers: a Content-Security-Policy that allows no inline script, no framing, no referrer leaks.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/css/**", "/img/**", "/vendor/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/daftar", "/daftar/**", "/masuk", "/verifikasi", "/verifikasi/**",
                                "/lupa-sandi", "/lupa-sandi/**", "/atur-ulang-sandi", "/atur-ulang-sandi/**",
                                "/altcha/challenge", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/api/v1/simulations/**").permitAll()
                        .requestMatchers("/admin/**", "/dev/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/masuk").permitAll())
                .logout(logout -> logout.logoutUrl("/keluar").logoutSuccessUrl("/?keluar"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
