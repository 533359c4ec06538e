package id.jamsos.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * The access token from the {@code Authorization: Bearer …} header, exactly as Spring Security's
 * {@link DefaultBearerTokenResolver} reads it (RFC 6750, only the header, never a query or form parameter), with a
 * loop over the characters instead of its case-insensitive regular expression, which it ran on every API call (about
 * 5 % of the balance API's CPU, docs/performance.md). {@code BearerHeaderTest} holds the two to the same answers.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(authorization, "bearer")) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /**
     * {@code Bearer } (ASCII letters in any case, one space), then one or more of {@code A–Z a–z 0–9 - . _ ~ + /},
     * then any number of {@code =}, and nothing after.
     */
    static boolean wellFormed(String authorization) {
        if (authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !asciiOnly(authorization, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        int n = authorization.length();
        while (i < n && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < n && authorization.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    /** The scheme compared without Unicode case folding, as the pattern (no UNICODE_CASE) compares it. */
    private static boolean asciiOnly(String text, int length) {
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
