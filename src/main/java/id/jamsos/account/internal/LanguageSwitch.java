package id.jamsos.account.internal;

import id.jamsos.account.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in person who switches the language ({@code ?lang=en} or {@code ?lang=id}) switches their account's too,
 * so e-mails and reminders follow the language they now read the portal in, not only the one of their last sign-in.
 * One guarded UPDATE ({@code language <> :language}) when the switch is used; nothing on other requests.
 */
@Configuration(proxyBeanMethods = false)
class LanguageSwitch implements WebMvcConfigurer, HandlerInterceptor {

    private final Accounts accounts;

    LanguageSwitch(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String chosen = request.getParameter("lang");
        if (("id".equals(chosen) || "en".equals(chosen))) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
                accounts.changeLanguage(account.id(), chosen);
            }
        }
        return true;
    }
}
