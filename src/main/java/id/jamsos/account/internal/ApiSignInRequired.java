package id.jamsos.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API call without a valid sign-in: 401 with {@code WWW-Authenticate: Bearer} (naming {@code invalid_token} when a
 * token was sent but is expired, revoked or forged, so the app knows to refresh) and a problem detail in the caller's
 * language.
 */
class ApiSignInRequired implements AuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver languages;

    ApiSignInRequired(MessageSource messages, LocaleResolver languages) {
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        // RFC 6750 §3; no resource metadata address: the platform publishes none.
        response.setHeader("WWW-Authenticate", tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://jamsos.id/problems/sign-in-required");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        // Refused before the dispatcher's ?lang= interceptor runs: the parameter is read here as it would read it.
        String chosen = request.getParameter("lang");
        java.util.Locale language = "en".equals(chosen) || "id".equals(chosen) ? java.util.Locale.forLanguageTag(chosen)
                : languages.resolveLocale(request);
        problem.put("detail", messages.getMessage(tokenSent ? "api.token.invalid" : "api.token.missing", null,
                language));
        problem.put("instance", request.getRequestURI());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
