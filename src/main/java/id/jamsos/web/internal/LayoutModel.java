package id.jamsos.web.internal;

import id.jamsos.account.SignedInAccount;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: who is signed in (for the navigation and the greeting) and the current path
 * (for the language switch and {@code aria-current}). Thymeleaf 3.1 no longer exposes the request to templates.
 */
@ControllerAdvice
class LayoutModel {

    private final boolean production;

    LayoutModel(org.springframework.core.env.Environment environment) {
        this.production = environment.matchesProfiles("prod");
    }

    /** A plain absolute path; anything else (for instance {@code //host}) would make the switch link leave the site. */
    private static final Pattern SAFE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/._~-]*");

    @ModelAttribute("viewer")
    SignedInAccount viewer(@AuthenticationPrincipal SignedInAccount signedIn) {
        return signedIn;
    }

    /** The development mailbox exists only outside production. */
    @ModelAttribute("mailboxShown")
    boolean mailboxShown() {
        return !production;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return safe(requestedPath(request));
    }

    /** On an error page the request was forwarded to {@code /error}; the visitor still sees the address they asked for. */
    private static String requestedPath(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String path ? path : request.getRequestURI();
        return uri.substring(request.getContextPath().length());
    }

    static String safe(String path) {
        return SAFE_PATH.matcher(path).matches() ? path : "/";
    }
}
