package id.jamsos.account;

import id.jamsos.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One person with one browser at one address, talking HTTP to the running platform the way a browser does: cookies
 * kept (the session lives in PostgreSQL through Spring Session), redirects not followed so tests can see them, and
 * every form sent with the CSRF token read from the page that shows it. The address is told to the server in
 * {@code X-Forwarded-For}, as the load balancer does in production, so throttling in one test never touches another.
 */
public final class Visitor {

    public static final String SESSION_COOKIE = "JAMSOS_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String origin;
    private final String address;
    private final MockMvc mvc;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public Visitor(int port, MockMvc mvc) {
        this.origin = "http://localhost:" + port;
        UUID random = UUID.randomUUID();
        long bits = random.getLeastSignificantBits();
        this.address = "10." + (bits & 0xff) + "." + ((bits >> 8) & 0xff) + "." + ((bits >> 16) & 0xff);
        this.mvc = mvc;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response; {@code location} is the path a redirect points to. */
    public record Page(int status, String body, String location, java.util.List<String> setCookies) {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.id";
    }

    public String address() {
        return address;
    }

    public Page get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    /** Opens {@code page}, reads its CSRF token, and sends the form to {@code action} with the given fields. */
    public Page submit(String page, String action, String... fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrfTokenOn(page)));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return postRaw(action, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as they are (for instance invalid UTF-8) with a valid CSRF token from {@code page} in front. */
    public Page submitRaw(String page, String action, byte[] fields) throws IOException, InterruptedException {
        byte[] token = ("_csrf=" + encode(csrfTokenOn(page)) + "&").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[token.length + fields.length];
        System.arraycopy(token, 0, body, 0, token.length);
        System.arraycopy(fields, 0, body, token.length, fields.length);
        return postRaw(action, body);
    }

    /** Sends a file as a browser does (multipart/form-data); the CSRF token from {@code page} goes in the query. */
    public Page upload(String page, String action, String fileName, String contentType, byte[] content,
                       String... fields) throws IOException, InterruptedException {
        String boundary = "----jamsos" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String separator = action.contains("?") ? "&" : "?";
        return send(request(action + separator + "_csrf=" + encode(csrfTokenOn(page)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Calls the JSON API with the session and the CSRF token (read from {@code page}) as the mobile app would. */
    public Page api(String method, String path, String contentType, byte[] body, String page)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", contentType).header("X-CSRF-TOKEN", csrfTokenOn(page));
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    /**
     * Calls the JSON API as the mobile app does: no cookie, no CSRF token; {@code accessToken} (when not null) as
     * {@code Authorization: Bearer}, {@code json} (when not null) as the body.
     */
    public Page app(String method, String path, String accessToken, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address).header("Accept", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String location = response.headers().firstValue("Location")
                .map(l -> l.startsWith(origin) ? l.substring(origin.length()) : l).orElse(null);
        return new Page(response.statusCode(), response.body(), location, response.headers().allValues("Set-Cookie"));
    }

    /** The raw response, for checking headers and bytes of a download. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public Page postRaw(String action, byte[] body) throws IOException, InterruptedException {
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public Page register(String name, String email, String mobile, String password, String language) throws Exception {
        return submit("/daftar?lang=" + language, "/daftar", "fullName", name, "email", email, "mobileNumber", mobile,
                "password", password, "altcha", AltchaSolver.solve(mvc));
    }

    public Page signIn(String email, String password) throws Exception {
        return submit("/masuk", "/masuk", "username", email, "password", password);
    }

    public Page signInWithChallenge(String email, String password) throws Exception {
        return submit("/masuk", "/masuk", "username", email, "password", password, "altcha", AltchaSolver.solve(mvc));
    }

    /** A new member, registered, verified and signed in, with their own address. */
    public static Visitor signedInMember(int port, MockMvc mvc, String name, String email, String password)
            throws Exception {
        Visitor member = new Visitor(port, mvc);
        member.registerAndVerify(name, email, password);
        member.signInAsOwner(email, password);
        return member;
    }

    /**
     * Signs in as the account's owner does: the sign-in asks for the proof-of-work challenge once its address has
     * failed sign-ins (other tests of the same JVM may have made them from it), and the owner then solves it, as a
     * person would. Fails when the account cannot sign in at all.
     */
    public void signInAsOwner(String email, String password) throws Exception {
        signIn(email, password);
        if (get("/akun").status() != 200) {
            signInWithChallenge(email, password);
        }
        if (get("/akun").status() != 200) {
            throw new AssertionError(email + " could not sign in");
        }
    }

    /** Registers and opens the verification link from the e-mail: an account ready to sign in. */
    public void registerAndVerify(String name, String email, String password) throws Exception {
        register(name, email, "081298765432", password, "id");
        MimeMessage mail = TestMail.awaitMessagesTo(email, 1).get(0);
        get(pathOf(TestMail.linkIn(mail, "/verifikasi")));
    }

    /** The path and query of a link in an e-mail, which names the configured public address. */
    public static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private String csrfTokenOn(String page) throws IOException, InterruptedException {
        Page shown = get(page);
        Matcher token = CSRF.matcher(shown.body());
        if (!token.find()) {
            throw new AssertionError("No form with a CSRF token on " + page + " (" + shown.status() + ")");
        }
        return token.group(1);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address);
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String location = response.headers().firstValue("Location")
                .map(l -> l.startsWith(origin) ? l.substring(origin.length()) : l).orElse(null);
        return new Page(response.statusCode(), response.body(), location, response.headers().allValues("Set-Cookie"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
