package id.jamsos.account.internal;

import id.jamsos.audit.AuditLog;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
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

    /**
     * Requests are still observed as a whole (http.server.requests); the spans Spring Security would add around each
     * of its filters, its authentications and authorizations are not: they cost a fifth of the balance API's CPU.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
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

    /**
     * The partner banks' SNAP endpoints under {@code /snap/}: machine to machine, each request authenticated by its own
     * signature (the payment module's SnapGate), so the shortest chain: no session is read or made, no CSRF token
     * (no browser calls them), no sign-in form, saved request, anonymous user or logout, and the API's headers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain snapFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/snap/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable());
        return machineToMachine(http).build();
    }

    /**
     * What the SNAP and API chains share: no saved request, no anonymous user, no logout filter (the API signs out
     * with {@code /api/v1/auth/revoke}), and headers for answers no browser renders.
     */
    private static HttpSecurity machineToMachine(HttpSecurity http) throws Exception {
        return http
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
    }

    /**
     * The JSON API under {@code /api/}: its own short chain (no sign-in form, no saved requests, no logout). The mobile
     * app sends a signed access token (ApiTokens), checked without the database or a session and needing no CSRF
     * token, since a browser never sends a bearer header on its own. A signed-in browser may call with its session
     * cookie instead; then writes need the CSRF token. Tokens count only here: they never open a web page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens apiTokens, MessageSource messages,
                                       LocaleResolver localeResolver) throws Exception {
        AuthenticationEntryPoint signInFirst = new ApiSignInRequired(messages, localeResolver);
        http
                .securityMatcher("/api/**")
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(new BearerHeader())
                        .authenticationEntryPoint(signInFirst)
                        .jwt(jwt -> jwt.authenticationManager(apiTokens.authenticationManager())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFirst))
                .authorizeHttpRequests(requests -> requests
                        // The public simulators store nothing and read no session.
                        .requestMatchers("/api/v1/simulations/**").permitAll()
                        // The app signs in, refreshes and signs out with its tokens, not with a session.
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/refresh",
                                "/api/v1/auth/revoke").permitAll()
                        .anyRequest().authenticated())
                // The simulators are an API for other systems, which cannot have a CSRF token (and it would protect
                // nothing there); the token endpoints read no session and set no cookie.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/simulations/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/*")));
        return machineToMachine(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInCheck signInCheck, LocaleResolver localeResolver)
            throws Exception {
        http
                .authenticationManager(signInCheck.manager())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/css/**", "/img/**", "/vendor/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/daftar", "/daftar/**", "/masuk", "/masuk/gagal", "/verifikasi", "/verifikasi/**",
                                "/lupa-sandi", "/lupa-sandi/**", "/atur-ulang-sandi", "/atur-ulang-sandi/**",
                                "/altcha/challenge", "/verify/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/simulasi", "/simulasi/**").permitAll()
                        .requestMatchers("/admin/**", "/dev/**").hasRole("ADMIN")
                        // Officers register employers; administrators may too.
                        .requestMatchers("/petugas/pemberi-kerja", "/petugas/pemberi-kerja/**").hasAnyRole("OFFICER", "ADMIN")
                        .requestMatchers("/petugas/**").hasRole("OFFICER")
                        .requestMatchers("/pemberi-kerja", "/pemberi-kerja/**").hasRole("EMPLOYER_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/masuk")
                        .authenticationDetailsSource(SignInDetails.source(localeResolver))
                        .failureHandler(new SignInFailurePage())
                        .defaultSuccessUrl("/akun", false)
                        .permitAll())
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
