package id.jamsos.employer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a wage file larger than the upload limit from its Content-Length, before a byte of it is parsed (the
 * security filters would otherwise read the whole multipart body), and sends the browser back to the reports page,
 * which says why.
 */
@Configuration(proxyBeanMethods = false)
class WageFileUploadLimit {

    static final String PATH = "/pemberi-kerja/laporan-upah";
    /** The multipart framing and the period field around the file. */
    private static final long FRAMING_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> wageFileUploadLimitFilter(
            @Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxFileSize) {
        long maxRequestBytes = maxFileSize.toBytes() + FRAMING_BYTES;
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > maxRequestBytes) {
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
