package id.jamsos.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What the sign-in form brings besides e-mail and password: the client address, the challenge and the language. */
record SignInDetails(String ipAddress, String altchaPayload, String language) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final AuthenticationDetailsSource<HttpServletRequest, SignInDetails> SOURCE = request -> {
        Locale locale = RequestContextUtils.getLocale(request);
        return new SignInDetails(request.getRemoteAddr(), request.getParameter("altcha"),
                "en".equals(locale.getLanguage()) ? "en" : "id");
    };
}
