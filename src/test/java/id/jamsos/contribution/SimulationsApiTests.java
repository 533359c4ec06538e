package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public simulators over HTTP, as another system calls them: no session, no CSRF token, JSON in and out. The rates
 * come from the tables loaded from the data files, so these tests also check which row is in force for a month.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SimulationsApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theIssuesWageEarnerExampleGivesTheRegulationsAmountsInTheDocumentedShape() throws Exception {
        HttpResponse<String> response = post("/api/v1/simulations/contributions",
                "{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":12000000,\"riskClass\":2}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"category\":\"PU\",\"period\":\"2025-03\",\"lines\":["
                + "{\"program\":\"JHT\",\"employer\":444000,\"worker\":240000,\"total\":684000},"
                + "{\"program\":\"JKK\",\"employer\":64800,\"worker\":0,\"total\":64800},"
                + "{\"program\":\"JKM\",\"employer\":36000,\"worker\":0,\"total\":36000},"
                + "{\"program\":\"JP\",\"employer\":210948,\"worker\":105474,\"total\":316422}],"
                + "\"totals\":{\"employer\":755748,\"worker\":345474,\"total\":1101222},"
                + "\"basis\":{\"wage\":12000000,\"jpWageCeiling\":10547400}}");
    }

    @Test
    void anInformalWorkerPaysEveryShareAndJhtOnlyWhenChosen() throws Exception {
        JsonNode withJht = ok("/api/v1/simulations/contributions",
                "{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":2500000,\"programs\":[\"JKK\",\"JKM\",\"JHT\"]}");
        assertThat(withJht.get("lines").toString()).isEqualTo("[{\"program\":\"JHT\",\"employer\":0,\"worker\":50000,"
                + "\"total\":50000},{\"program\":\"JKK\",\"employer\":0,\"worker\":25000,\"total\":25000},"
                + "{\"program\":\"JKM\",\"employer\":0,\"worker\":6800,\"total\":6800}]");
        assertThat(withJht.get("totals").toString()).isEqualTo("{\"employer\":0,\"worker\":81800,\"total\":81800}");
        assertThat(withJht.get("basis").toString()).isEqualTo("{\"declaredIncome\":2500000}");
        JsonNode minimum = ok("/api/v1/simulations/contributions",
                "{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":1000000}");
        assertThat(minimum.get("lines")).hasSize(2);
        assertThat(minimum.get("totals").get("total").asLong()).isEqualTo(16_800);
    }

    @Test
    void theIssuesLatePenaltyExample() throws Exception {
        HttpResponse<String> response = post("/api/v1/simulations/late-penalty",
                "{\"category\":\"PU\",\"period\":\"2025-03\",\"contribution\":1000000,\"paidOn\":\"2025-05-16\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"dueDate\":\"2025-04-15\",\"monthsLate\":2,\"penalty\":40000}");
        JsonNode informal = ok("/api/v1/simulations/late-penalty",
                "{\"category\":\"BPU\",\"period\":\"2025-03\",\"contribution\":1000000,\"paidOn\":\"2025-05-16\"}");
        assertThat(informal.toString()).isEqualTo("{\"dueDate\":\"2025-03-17\",\"monthsLate\":2,\"penalty\":0}");
    }

    /** The JP ceiling changes every 1 March: February still uses the previous year's, March the new one. */
    @ParameterizedTest(name = "{0}-02 uses {1}, {0}-03 uses {2}")
    @CsvSource({"2016,7000000,7335300", "2017,7335300,7703500", "2018,7703500,8094000", "2019,8094000,8512400",
            "2020,8512400,8939700", "2021,8939700,8754600", "2022,8754600,9077600", "2023,9077600,9559600",
            "2024,9559600,10042300", "2025,10042300,10547400", "2026,10547400,11086300"})
    void theJpCeilingInForceOnTheFirstDayOfTheMonthCapsTheJpShares(int year, long february, long march)
            throws Exception {
        for (String[] month : new String[][] {{"-02", Long.toString(february)}, {"-03", Long.toString(march)}}) {
            JsonNode result = ok("/api/v1/simulations/contributions", "{\"category\":\"PU\",\"period\":\"" + year
                    + month[0] + "\",\"monthlyWage\":50000000,\"riskClass\":1}");
            long ceiling = Long.parseLong(month[1]);
            assertThat(result.get("basis").get("jpWageCeiling").asLong()).isEqualTo(ceiling);
            JsonNode jp = result.get("lines").get(3);
            assertThat(jp.get("program").asString()).isEqualTo("JP");
            assertThat(jp.get("employer").asLong()).isEqualTo((ceiling * 200 + 5000) / 10000);
            assertThat(jp.get("worker").asLong()).isEqualTo((ceiling * 100 + 5000) / 10000);
        }
    }

    @ParameterizedTest(name = "risk class {0}: JKK {1} on Rp 10,000,000")
    @CsvSource({"1,24000", "2,54000", "3,89000", "4,127000", "5,174000"})
    void eachRiskClassHasItsJkkRate(int riskClass, long jkk) throws Exception {
        JsonNode result = ok("/api/v1/simulations/contributions", "{\"category\":\"PU\",\"period\":\"2025-03\","
                + "\"monthlyWage\":10000000,\"riskClass\":" + riskClass + "}");
        assertThat(result.get("lines").get(1).toString())
                .isEqualTo("{\"program\":\"JKK\",\"employer\":" + jkk + ",\"worker\":0,\"total\":" + jkk + "}");
    }

    @ParameterizedTest(name = "declared income {0}: {1}")
    @CsvSource({"999999,400", "1000000,200", "20700000,200", "20700001,400"})
    void theBpuBoundsAreInclusive(long income, int status) throws Exception {
        assertThat(post("/api/v1/simulations/contributions", "{\"category\":\"BPU\",\"period\":\"2025-03\","
                + "\"declaredIncome\":" + income + "}").statusCode()).isEqualTo(status);
    }

    static Stream<Arguments> badContributionRequests() {
        return Stream.of(
                Arguments.of("{\"category\":\"XX\",\"period\":\"2025-03\",\"monthlyWage\":1,\"riskClass\":1}", "category",
                        "Pilih PU", "Choose PU"),
                Arguments.of("{\"period\":\"2025-03\",\"monthlyWage\":1,\"riskClass\":1}", "category", "Pilih PU", "Choose PU"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-3\",\"monthlyWage\":1,\"riskClass\":1}", "period",
                        "TTTT-BB", "YYYY-MM"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-13\",\"monthlyWage\":1,\"riskClass\":1}", "period",
                        "TTTT-BB", "YYYY-MM"),
                Arguments.of("{\"category\":\"PU\",\"period\":202503,\"monthlyWage\":1,\"riskClass\":1}", "period",
                        "TTTT-BB", "YYYY-MM"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2015-06\",\"monthlyWage\":1,\"riskClass\":1}", "period",
                        "mulai bulan 2015-07", "from 2015-07"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":-1,\"riskClass\":1}", "monthlyWage",
                        "tidak boleh negatif", "cannot be negative"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":\"banyak\",\"riskClass\":1}",
                        "monthlyWage", "rupiah bulat", "whole rupiah"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":1500.5,\"riskClass\":1}",
                        "monthlyWage", "rupiah bulat", "whole rupiah"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"riskClass\":1}", "monthlyWage", "wajib",
                        "required"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":99999999999999999999,\"riskClass\":1}",
                        "monthlyWage", "rupiah bulat", "whole rupiah"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":9000000000000000,\"riskClass\":1}",
                        "monthlyWage", "terlalu besar", "too large"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":1,\"riskClass\":0}", "riskClass",
                        "1 sampai 5", "from 1 to 5"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":1,\"riskClass\":6}", "riskClass",
                        "1 sampai 5", "from 1 to 5"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":1,\"riskClass\":\"2\"}", "riskClass",
                        "1 sampai 5", "from 1 to 5"),
                Arguments.of("{\"category\":\"PU\",\"period\":\"2025-03\",\"monthlyWage\":1}", "riskClass",
                        "1 sampai 5", "from 1 to 5"),
                Arguments.of("{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":999999}", "declaredIncome",
                        "Rp 1.000.000 dan Rp 20.700.000", "Rp 1.000.000 and Rp 20.700.000"),
                Arguments.of("{\"category\":\"BPU\",\"period\":\"2025-03\"}", "declaredIncome", "wajib", "required"),
                Arguments.of("{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":2000000,\"programs\":[\"JP\"]}",
                        "programs", "JP tidak tersedia", "JP is not available"),
                Arguments.of("{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":2000000,\"programs\":[\"JKP\"]}",
                        "programs", "JKK, JKM dan JHT", "JKK, JKM and JHT"),
                Arguments.of("{\"category\":\"BPU\",\"period\":\"2025-03\",\"declaredIncome\":2000000,\"programs\":\"JHT\"}",
                        "programs", "JKK, JKM dan JHT", "JKK, JKM and JHT"),
                Arguments.of("{not json", "body", "objek JSON", "JSON object"),
                Arguments.of("", "body", "objek JSON", "JSON object"),
                Arguments.of("[1,2]", "body", "objek JSON", "JSON object"),
                Arguments.of("\"PU\"", "body", "objek JSON", "JSON object"));
    }

    @ParameterizedTest
    @MethodSource("badContributionRequests")
    void badContributionRequestsAreRefusedNamingTheFieldInBothLanguages(String body, String field, String indonesian,
                                                                       String english) throws Exception {
        assertRefused("/api/v1/simulations/contributions", body, field, indonesian, english);
    }

    static Stream<Arguments> badPenaltyRequests() {
        String ok = "\"category\":\"PU\",\"period\":\"2025-03\",\"contribution\":1000000,\"paidOn\":\"2025-05-16\"";
        return Stream.of(
                Arguments.of("{" + ok.replace("\"PU\"", "\"pu\"") + "}", "category", "Pilih PU", "Choose PU"),
                Arguments.of("{" + ok.replace("2025-03", "Maret") + "}", "period", "TTTT-BB", "YYYY-MM"),
                Arguments.of("{" + ok.replace("2025-03", "2010-01") + "}", "period", "mulai bulan", "available from"),
                Arguments.of("{" + ok.replace("1000000", "-5") + "}", "contribution", "tidak boleh negatif",
                        "cannot be negative"),
                Arguments.of("{" + ok.replace("1000000", "\"sejuta\"") + "}", "contribution", "rupiah bulat",
                        "whole rupiah"),
                Arguments.of("{" + ok.replace("2025-05-16", "16/05/2025") + "}", "paidOn", "TTTT-BB-HH", "YYYY-MM-DD"),
                Arguments.of("{" + ok.replace("2025-05-16", "2025-02-30") + "}", "paidOn", "TTTT-BB-HH", "YYYY-MM-DD"),
                Arguments.of("{" + ok.replace("\"2025-05-16\"", "20250516") + "}", "paidOn", "TTTT-BB-HH", "YYYY-MM-DD"),
                Arguments.of("{" + ok.replace("2025-05-16", "9999-12-31") + "}", "paidOn", "TTTT-BB-HH", "YYYY-MM-DD"),
                Arguments.of("{" + ok.replace("1000000", "999999999999999").replace("2025-05-16", "2200-12-31") + "}",
                        "contribution", "terlalu besar", "too large"),
                Arguments.of("{\"category\":\"PU\"", "body", "objek JSON", "JSON object"));
    }

    @ParameterizedTest
    @MethodSource("badPenaltyRequests")
    void badPenaltyRequestsAreRefusedNamingTheFieldInBothLanguages(String body, String field, String indonesian,
                                                                  String english) throws Exception {
        assertRefused("/api/v1/simulations/late-penalty", body, field, indonesian, english);
    }

    @Test
    void theSimulatorsAreDocumented() throws Exception {
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.body()).contains("/api/v1/simulations/contributions").contains("/api/v1/simulations/late-penalty")
                .contains("monthlyWage").contains("jpWageCeiling").contains("paidOn");
    }

    private void assertRefused(String path, String body, String field, String indonesian, String english)
            throws Exception {
        for (String[] language : new String[][] {{"", indonesian}, {"?lang=en", english}}) {
            HttpResponse<String> response = post(path + language[0], body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://jamsos.id/problems/invalid-input");
            assertThat(problem.get("errors").get(field)).as(body + " → " + response.body()).isNotNull();
            assertThat(problem.get("errors").get(field).asString()).as(body).contains(language[1]);
        }
    }

    private JsonNode ok(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** As another system posts: JSON, no cookie, no CSRF token. */
    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
