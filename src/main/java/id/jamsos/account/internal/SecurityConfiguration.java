package id.jamsos.account.internal;

import id.jamsos.audit.AuditLog;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    /** Argon2id (OWASP's first choice), behind Spring's delegating encoder so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** The one sign-in check, for the web form and the app's API tokens alike. */
    record SignInCheck(AuthenticationManager manager) {
    }

    /**
     * Only this manager, with no parent: a parent holding the same provider would run every failed attempt twice
     * (counted twice by the throttle, audited twice). The provider is not a bean itself: as a bean of type
     * AuthenticationProvider it would also join Spring Security's global manager.
     */
    @Bean
    SignInCheck signInCheck(AccountUserDetails.Lookup lookup, PasswordEncoder encoder, SignInThrottle throttle,
                            AltchaChallenges challenges, Accounts accounts, AuditLog audit) {
        return new SignInCheck(new ProviderManager(new AccountAuthentication(lookup, encoder, throttle, challenges,
                accounts, audit)));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInCheck signInCheck, ApiTokens apiTokens,
                                           LocaleResolver localeResolver) throws Exception {
        // The app's bearer tokens count only under /api/: a token never opens a web page or the back office.
        DefaultBearerTokenResolver apiOnly = new DefaultBearerTokenResolver();
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        BearerTokenResolver bearer = request -> api.matches(request) ? apiOnly.resolve(request) : null;
        http
                .authenticationManager(signInCheck.manager())
                // Signed access tokens for the mobile app (ApiTokens): checked without the database, no session, and
                // no CSRF token needed (a browser never sends a bearer header on its own).
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(bearer)
                        .jwt(jwt -> jwt.authenticationManager(apiTokens.authenticationManager())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/css/**", "/img/**", "/vendor/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/daftar", "/daftar/**", "/masuk", "/masuk/gagal", "/verifikasi", "/verifikasi/**",
                                "/lupa-sandi", "/lupa-sandi/**", "/atur-ulang-sandi", "/atur-ulang-sandi/**",
                                "/altcha/challenge", "/verify/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/api/v1/simulations/**", "/simulasi", "/simulasi/**").permitAll()
                        // The app signs in, refreshes and signs out with its tokens, not with a session.
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/refresh",
                                "/api/v1/auth/revoke").permitAll()
                        // Partner banks (SNAP BI): each request is authenticated by its own signature, not a session.
                        .requestMatchers("/snap/**").permitAll()
                        .requestMatchers("/admin/**", "/dev/**").hasRole("ADMIN")
                        // Officers register employers; administrators may too.
                        .requestMatchers("/petugas/pemberi-kerja", "/petugas/pemberi-kerja/**").hasAnyRole("OFFICER", "ADMIN")
                        .requestMatchers("/petugas/**").hasRole("OFFICER")
                        .requestMatchers("/pemberi-kerja", "/pemberi-kerja/**").hasRole("EMPLOYER_ADMIN")
                        .anyRequest().authenticated())
                // The public simulators are an API for other systems: they store nothing and read no session, so a
                // CSRF token (which such callers cannot have) protects nothing there.
                // The SNAP endpoints are machine to machine: signed per request, no session, so no CSRF token either.
                // The app's token endpoints read no session and set no cookie: a forged request gains nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/simulations/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/*"),
                        PathPatternRequestMatcher.withDefaults().matcher("/snap/**")))
                .formLogin(form -> form
                        .loginPage("/masuk")
                        .authenticationDetailsSource(SignInDetails.source(localeResolver))
                        .failureHandler(new SignInFailurePage())
                        .defaultSuccessUrl("/akun", false)
                        .permitAll())
                // The API answers 401 to a caller who is not signed in; browsers are sent to the sign-in page.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new DelegatingAuthenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/masuk"),
                                new RequestMatcherEntry<>(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
                .logout(logout -> logout
                        .logoutUrl("/keluar")
                        .logoutSuccessUrl("/masuk?keluar")
                        .invalidateHttpSession(true)
                        .deleteCookies("JAMSOS_SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
