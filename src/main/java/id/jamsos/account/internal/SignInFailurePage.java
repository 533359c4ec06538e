package id.jamsos.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Back to the sign-in page with what went wrong, the e-mail typed (never the password), and whether the challenge
 * must be solved next time. Times are said as people in Indonesia read them: 14.05 WIB.
 */
class SignInFailurePage implements AuthenticationFailureHandler {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        String email = request.getParameter("username");
        flash.put("email", email == null || email.length() > 254 ? "" : email);
        if (exception instanceof SignInRefused refused) {
            flash.put("error", "signin.error." + refused.reason().name().toLowerCase().replace('_', '-'));
            flash.put("challengeRequired", refused.challengeRequired());
            if (refused.retryAt() != null) {
                flash.put("retryAt", TIME.format(refused.retryAt().atZone(JAKARTA)) + " WIB");
            }
        } else {
            flash.put("error", "signin.error.bad-credentials");
        }
        RequestContextUtils.saveOutputFlashMap("/masuk", request, response);
        response.sendRedirect(request.getContextPath() + "/masuk");
    }
}
