package id.jamsos.web.internal;

import id.jamsos.account.SignedInAccount;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the layout needs on every page: who is signed in (for the navigation and the greeting) and the current path
 * (for the language switch and {@code aria-current}). Thymeleaf 3.1 no longer exposes the request to templates.
 * Added after the controller, only when it renders a view: JSON answers and redirects carry none of it (as model
 * attributes of a controller advice they cost every API call about a tenth of its CPU).
 */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    private final boolean production;

    LayoutModel(org.springframework.core.env.Environment environment) {
        this.production = environment.matchesProfiles("prod");
    }

    /** A plain absolute path; anything else (for instance {@code //host}) would make the switch link leave the site. */
    private static final Pattern SAFE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/._~-]*");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (!rendered(page)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        page.addObject("viewer", authentication != null
                && authentication.getPrincipal() instanceof SignedInAccount signedIn ? signedIn : null);
        // The development mailbox exists only outside production.
        page.addObject("mailboxShown", !production);
        page.addObject("currentPath", safe(requestedPath(request)));
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

    /** A page is rendered: a view, not a redirect or forward (whose model would end up in the next address). */
    static boolean rendered(ModelAndView page) {
        if (page == null || !page.hasView()) {
            return false;
        }
        String name = page.getViewName();
        return name != null ? !name.startsWith("redirect:") && !name.startsWith("forward:")
                : !(page.getView() instanceof RedirectView);
    }
}
