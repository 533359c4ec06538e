package id.jamsos.account.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import id.jamsos.common.JakartaTime;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Shows the sign-in page again, answering 401, with what went wrong, the e-mail typed (never the password), and
 * whether the challenge must be solved next time. Times are said as people in Indonesia read them: 14.05 WIB.
 * The page is rendered by a forward to {@link #PATH}, so nothing of the failure is kept in the session.
 */
public class SignInFailurePage implements AuthenticationFailureHandler {

    /** Where the failure is rendered; reachable only by this forward. */
    public static final String PATH = "/masuk/gagal";
    public static final String ERROR = SignInFailurePage.class.getName() + ".error";
    public static final String EMAIL = SignInFailurePage.class.getName() + ".email";
    public static final String CHALLENGE_REQUIRED = SignInFailurePage.class.getName() + ".challengeRequired";
    public static final String RETRY_AT = SignInFailurePage.class.getName() + ".retryAt";
    /** 401, or 429 Too Many Requests once the hourly limit is reached. */
    public static final String STATUS = SignInFailurePage.class.getName() + ".status";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String email = request.getParameter("username");
        request.setAttribute(EMAIL, email == null || email.length() > 254 ? "" : email);
        if (exception instanceof SignInRefused refused) {
            request.setAttribute(ERROR, "signin.error." + refused.reason().name().toLowerCase().replace('_', '-'));
            request.setAttribute(CHALLENGE_REQUIRED, refused.challengeRequired());
            if (refused.retryAt() != null) {
                request.setAttribute(RETRY_AT, TIME.format(refused.retryAt().atZone(JakartaTime.ZONE)) + " WIB");
            }
        } else {
            request.setAttribute(ERROR, "signin.error.bad-credentials");
        }
        boolean limited = exception instanceof SignInRefused refused && refused.reason() == SignInRefused.Reason.LIMITED;
        request.setAttribute(STATUS, limited ? 429 : HttpServletResponse.SC_UNAUTHORIZED);
        request.getRequestDispatcher(PATH).forward(request, response);
    }
}
