package id.jamsos.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.web.servlet.LocaleResolver;

/** What the sign-in form brings besides e-mail and password: the client address, the challenge and the language. */
record SignInDetails(String ipAddress, String altchaPayload, String language) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * The language is read with the site's own resolver (the {@code ?lang=} choice kept in a cookie): sign-in runs in
     * a filter, before the dispatcher that would otherwise offer it, and the browser's Accept-Language or the server's
     * default must not overwrite the language the person chose.
     */
    static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(LocaleResolver languages) {
        return request -> {
            Locale locale = languages.resolveLocale(request);
            return new SignInDetails(request.getRemoteAddr(), request.getParameter("altcha"),
                    "en".equals(locale.getLanguage()) ? "en" : "id");
        };
    }
}
