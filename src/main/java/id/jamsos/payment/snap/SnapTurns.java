package id.jamsos.payment.snap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code jamsos.snap.concurrency} SNAP requests (default two per core) are worked on at once per instance;
 * the others wait their turn in arrival order (a fair semaphore). Banks open as many connections as they like: with
 * every one of them worked on at once, eight payments sharing two cores took turns on the cores and the database's
 * locks, and one in a hundred waited more than 200 ms; four at a time paid as many a second with a p99 of 35 ms
 * (docs/performance.md). A request that waited {@code jamsos.snap.queue-timeout} is answered SNAP's timeout
 * ({@code 504xx00}) with {@code Retry-After}; nothing of it was done, and the bank's retry under the same
 * {@code X-EXTERNAL-ID} is answered as any first request.
 */
@Configuration(proxyBeanMethods = false)
class SnapTurns {

    @Bean
    FilterRegistrationBean<Turns> snapConcurrencyLimit(SnapProperties properties) {
        int permits = properties.concurrency() > 0 ? properties.concurrency()
                : 2 * Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<Turns> registration = new FilterRegistrationBean<>(
                new Turns(permits, properties.queueTimeout()));
        registration.addUrlPatterns("/snap/*");
        // Before Spring Security, so that a flood of requests waits before any of them costs a signature check.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The filter: a request is worked on once it holds one of the permits. */
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
                SnapCase timedOut = SnapCase.TIMEOUT;
                response.setStatus(timedOut.httpStatus);
                response.setHeader("Retry-After", "1");
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"responseCode\":\"" + timedOut.code(service(request))
                        + "\",\"responseMessage\":\"" + timedOut.message + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                permits.release();
            }
        }

        /** The SNAP service code of the endpoint asked for (its last path segment). */
        private static String service(HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path.endsWith("/access-token/b2b")) {
                return SnapCase.ACCESS_TOKEN;
            }
            if (path.endsWith("/transfer-va/inquiry")) {
                return SnapCase.INQUIRY;
            }
            if (path.endsWith("/transfer-va/payment")) {
                return SnapCase.PAYMENT;
            }
            return path.endsWith("/transfer-va/status") ? SnapCase.STATUS : "00";
        }
    }
}
