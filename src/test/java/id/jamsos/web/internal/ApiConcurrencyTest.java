package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** API calls beyond the limit wait their turn, and one that waits too long is told to retry, not left hanging. */
class ApiConcurrencyTest {

    @Test
    void noMoreThanTheLimitRunAtOnceAndAWaitTooLongIs503WithRetryAfter() throws Exception {
        ApiConcurrency.Turns turns = new ApiConcurrency.Turns(2, Duration.ofMillis(300));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<MockHttpServletResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    turns.doFilter(new MockHttpServletRequest("GET", "/api/v1/notices"), response, (req, res) -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                    });
                    return response;
                }));
            }
            Thread.sleep(1000);
            release.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<MockHttpServletResponse> call : calls) {
                MockHttpServletResponse response = call.get(10, TimeUnit.SECONDS);
                if (response.getStatus() == 503) {
                    refused++;
                    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
                } else {
                    ok++;
                }
            }
            assertThat(most.get()).as("at most two at once").isEqualTo(2);
            assertThat(ok).as("the two admitted").isEqualTo(2);
            assertThat(refused).as("the four that waited longer than 300 ms").isEqualTo(4);

            MockHttpServletResponse later = new MockHttpServletResponse();
            turns.doFilter(new MockHttpServletRequest("GET", "/api/v1/notices"), later, (req, res) -> { });
            assertThat(later.getStatus()).as("permits come back").isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
