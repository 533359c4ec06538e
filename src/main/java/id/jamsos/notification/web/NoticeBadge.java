package id.jamsos.notification.web;

import id.jamsos.notification.internal.Notices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every rendered page's layout the signed-in account's unread notices, for the badge in the navigation; JSON
 * answers and redirects get nothing (and the count itself is taken only if the layout shows it).
 */
@Configuration(proxyBeanMethods = false)
class NoticeBadge implements WebMvcConfigurer, HandlerInterceptor {

    private final Notices notices;

    NoticeBadge(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        String view = page == null ? null : page.getViewName();
        if (view == null || view.startsWith("redirect:") || view.startsWith("forward:")) {
            return;
        }
        page.addObject("unreadNotices", NoticeOwner.of(request.getUserPrincipal())
                .map(account -> new UnreadNotices(notices, account)).orElse(null));
    }
}
