package id.jamsos.reactivation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a scan larger than the upload limit from its Content-Length, before a byte of it is parsed (the security
 * filters would otherwise read the whole multipart body), and sends the officer back to the member's page, which says
 * why — as the activation wizard does for the member's own uploads.
 */
@Configuration(proxyBeanMethods = false)
class ScanUploadLimit {

    private static final Pattern SCAN = Pattern.compile("/petugas/reaktivasi/([0-9a-fA-F-]{36})/pindaian");
    /** The multipart framing and the kind field around the file. */
    private static final long FRAMING_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> scanUploadLimitFilter(
            @Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxFileSize) {
        long maxRequestBytes = maxFileSize.toBytes() + FRAMING_BYTES;
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !SCAN.matcher(request.getRequestURI()).matches();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > maxRequestBytes) {
                    Matcher scan = SCAN.matcher(request.getRequestURI());
                    scan.matches();
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + "/petugas/reaktivasi/" + scan.group(1)
                            + "?terlalu-besar");
                    response.setHeader("Connection", "close");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(-200); // before Spring Security (-100), after Spring Session
        registration.addUrlPatterns("/petugas/reaktivasi/*");
        return registration;
    }
}
