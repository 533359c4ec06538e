package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error pages through the real server: MockMvc does not forward to {@code /error}, Tomcat does. An anonymous
 * visitor reaches a 404 under a public path (elsewhere they are first asked to sign in).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void anUnknownAddressShowsTheNotFoundPageInIndonesian() throws Exception {
        HttpResponse<String> response = fetch("/css/tidak-ada.css", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("<html lang=\"id\">")
                .contains("Halaman tidak ditemukan")
                .contains("Kembali ke beranda")
                .contains("href=\"/css/tidak-ada.css?lang=en\"");
        assertNoInternals(response.body());
    }

    @Test
    void theNotFoundPageFollowsTheChosenLanguage() throws Exception {
        HttpResponse<String> byParameter = fetch("/css/nope.css?lang=en", null);
        HttpResponse<String> byCookie = fetch("/css/nope.css", LanguageConfiguration.COOKIE + "=en");

        for (HttpResponse<String> response : java.util.List.of(byParameter, byCookie)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("<html lang=\"en\">").contains("Page not found");
            assertNoInternals(response.body());
        }
    }

    @Test
    void anUnsupportedMethodShowsTheGenericErrorPage() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html")
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(403, 405);
        assertThat(response.body()).contains("<html lang=\"id\">").contains("Kode galat: " + response.statusCode());
        assertNoInternals(response.body());
    }

    private HttpResponse<String> fetch(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel")
                .doesNotContain("trace");
    }
}
