package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Due dates follow the holiday table administrators keep: a holiday entered on the holiday page moves the due date
 * the late-penalty API answers at once, and months late count from the moved date. Uses 2032 and 2033 only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DueDatesTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void holidaysOfTheHolidayTableMoveTheDueDateAndMonthsLateCountFromIt() throws Exception {
        // 2032-04-15 is a Thursday: without holidays March 2032 is due that day.
        assertThat(penalty("PU", "2032-03", "2032-04-15")).isEqualTo(answer("2032-04-15", 0, 0));
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        holiday(admin, "2032-04-15");
        holiday(admin, "2032-04-16");
        // Thursday and Friday are holidays, then the weekend: due on Monday 19 April.
        assertThat(penalty("PU", "2032-03", "2032-04-19")).isEqualTo(answer("2032-04-19", 0, 0));
        assertThat(penalty("PU", "2032-03", "2032-04-20")).isEqualTo(answer("2032-04-19", 1, 20_000));
        assertThat(penalty("PU", "2032-03", "2032-05-19")).isEqualTo(answer("2032-04-19", 1, 20_000));
        assertThat(penalty("PU", "2032-03", "2032-05-20")).isEqualTo(answer("2032-04-19", 2, 40_000));
        // BPU: April 2032 is due in April itself, so the same holidays move it; BPU never pays a penalty.
        assertThat(penalty("BPU", "2032-04", "2032-06-01")).isEqualTo(answer("2032-04-19", 2, 0));
        // A Friday holiday (15 October 2032) before a weekend: due on Monday 18 October.
        holiday(admin, "2032-10-15");
        assertThat(penalty("PU", "2032-09", "2032-10-18")).isEqualTo(answer("2032-10-18", 0, 0));
        // A Saturday 15th (January 2033), no holiday: the next Monday.
        assertThat(penalty("BPU", "2033-01", "2033-01-17")).isEqualTo(answer("2033-01-17", 0, 0));
    }

    private void holiday(Visitor admin, String day) throws Exception {
        Visitor.Page added = admin.submit("/admin/hari-libur", "/admin/hari-libur", "day", day, "nameId",
                "Libur uji", "nameEn", "Test holiday", "kind", "MOVABLE", "source", "contoh uji");
        assertThat(added.status()).isEqualTo(302);
    }

    private static String answer(String due, int months, long penalty) {
        return "{\"dueDate\":\"" + due + "\",\"monthsLate\":" + months + ",\"penalty\":" + penalty + "}";
    }

    private String penalty(String category, String period, String paidOn) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/simulations/late-penalty"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"category\":\"" + category + "\",\"period\":\"" + period + "\",\"contribution\":1000000,"
                                + "\"paidOn\":\"" + paidOn + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
