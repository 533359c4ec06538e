package id.jamsos.membership.web;

import id.jamsos.document.Documents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload larger than the limit from its Content-Length, before a byte of it is parsed, and sends the
 * browser back to the documents page, which says why. It runs before the security filters: they would otherwise
 * parse the whole multipart body to look for the CSRF token, and the server would answer with a bare error page.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimit {

    static final String PATH = "/aktivasi/dokumen";
    /** The file plus the form's other fields and multipart framing. */
    static final long MAX_REQUEST_BYTES = Documents.MAX_BYTES + 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + PATH + "?terlalu-besar");
                    response.setHeader("Connection", "close");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(-200); // before Spring Security (-100), after Spring Session
        registration.addUrlPatterns(PATH);
        return registration;
    }
}
