package id.jamsos.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code jamsos.api.concurrency} API calls (default four per core) are worked on at once per instance; the
 * others wait their turn in arrival order (a fair semaphore), and one that has waited {@code jamsos.api.queue-timeout}
 * is answered 503 with {@code Retry-After}. With virtual threads every connection would otherwise get a thread at
 * once, and dozens of calls sharing two cores finish in no particular order: the slowest waited many times the
 * median (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiConcurrency {

    @Bean
    FilterRegistrationBean<Turns> apiConcurrencyLimit(@Value("${jamsos.api.concurrency:0}") int configured,
                                                      @Value("${jamsos.api.queue-timeout:10s}") Duration timeout) {
        int permits = configured > 0 ? configured : 4 * Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<Turns> registration = new FilterRegistrationBean<>(new Turns(permits, timeout));
        registration.addUrlPatterns("/api/*");
        // Before Spring Security, so that a flood of calls is queued before any of them costs a token check.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The filter: a call runs once it holds one of the permits. */
    static final class Turns extends OncePerRequestFilter {

        private final Semaphore permits;
        private final Duration timeout;

        Turns(int permits, Duration timeout) {
            this.permits = new Semaphore(permits, true);
            this.timeout = timeout;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean admitted;
            try {
                admitted = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            }
            if (!admitted) {
                response.setHeader("Retry-After", "1");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                permits.release();
            }
        }
    }
}
