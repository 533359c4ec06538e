package id.jamsos.payment.snap;

import static id.jamsos.payment.snap.SnapBank.id;
import static id.jamsos.payment.snap.SnapBank.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The transfer-va endpoints as a partner bank meets them: signed calls, SNAP codes, amounts from the payment desk. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapApiTests {

    static final Period MONTH = Period.of(2021, 3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    PaymentDesk desk;
    @Autowired
    Clock clock;
    @Autowired
    List<Command> commands;

    SnapBank bank;
    SnapFixtures fixtures;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void bank() {
        bank = new SnapBank(port);
        fixtures = new SnapFixtures(jdbc, billing);
    }

    long due(String customerNo) {
        return desk.due(customerNo, JakartaTime.today(clock)).orElseThrow().amount().value();
    }

    JsonNode body(SnapClient.Response response) {
        return json.readTree(response.body());
    }

    @Test
    void aSnapCallMakesNoSessionNeedsNoCsrfTokenAndGetsTheApisSecureHeaders() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                + SnapClient.PAYMENT_PATH))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // refused by the SNAP gate (its headers are missing: 400), not by a CSRF filter (403) or a sign-in redirect
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("responseCode").asString()).startsWith("40025");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void inquiryAnswersTheAmountDueNowWithTheNameAndBilingualReason() {
        String customer = fixtures.employerWithOpenBill(MONTH);

        SnapClient.Response response = bank.inquiry(customer);

        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = body(response);
        assertThat(answer.path("responseCode").asString()).isEqualTo("2002400");
        JsonNode data = answer.path("virtualAccountData");
        assertThat(data.path("inquiryStatus").asString()).isEqualTo("00");
        assertThat(data.path("virtualAccountNo").asString()).isEqualTo("   88899" + customer);
        assertThat(data.path("virtualAccountName").asString()).startsWith("PT Snap ");
        assertThat(data.path("totalAmount").path("value").asString()).isEqualTo(due(customer) + ".00");
        assertThat(data.path("totalAmount").path("currency").asString()).isEqualTo("IDR");
        assertThat(data.path("inquiryReason").path("english").asString()).isEqualTo("Success");
        assertThat(data.path("inquiryReason").path("indonesia").asString()).isEqualTo("Sukses");
        assertThat(response.timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
    }

    @Test
    void unknownVirtualAccountIs4042412() {
        SnapClient.Response response = bank.inquiry("199999999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response).path("responseCode").asString()).isEqualTo("4042412");
        assertThat(body(response).path("virtualAccountData").path("inquiryReason").path("indonesia").asString())
                .isEqualTo("Nomor virtual account tidak dikenal");
        SnapClient.Response payment = bank.pay("199999999", 10_000, id(), id());
        assertThat(body(payment).path("responseCode").asString()).isEqualTo("4042512");
    }

    @Test
    void aPaymentOfTheAmountDueIsAcceptedOnceAndThenTheBillIsPaid() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);

        SnapClient.Response paid = bank.pay(customer, due, id(), id());

        assertThat(paid.status()).isEqualTo(200);
        JsonNode answer = body(paid);
        assertThat(answer.path("responseCode").asString()).isEqualTo("2002500");
        assertThat(answer.path("virtualAccountData").path("paymentFlagStatus").asString()).isEqualTo("00");
        assertThat(answer.path("virtualAccountData").path("paidAmount").path("value").asString()).isEqualTo(due + ".00");
        assertThat(fixtures.payments(customer)).isEqualTo(1);
        assertThat(body(bank.inquiry(customer)).path("responseCode").asString()).isEqualTo("4042414");
        SnapClient.Response again = bank.pay(customer, due, id(), id());
        assertThat(again.status()).isEqualTo(404);
        assertThat(body(again).path("responseCode").asString()).isEqualTo("4042514");
        assertThat(body(again).path("virtualAccountData").path("paymentFlagStatus").asString()).isEqualTo("01");
        assertThat(fixtures.payments(customer)).isEqualTo(1);
    }

    @Test
    void aWrongAmountIs4042513AndPaysNothing() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);

        SnapClient.Response response = bank.pay(customer, due - 1, id(), id());

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response).path("responseCode").asString()).isEqualTo("4042513");
        assertThat(body(response).path("virtualAccountData").path("paymentFlagReason").path("english").asString())
                .contains(String.format("%,d", due).replace(',', '.'));
        assertThat(fixtures.payments(customer)).isZero();
        assertThat(body(bank.pay(customer, due, id(), id())).path("responseCode").asString()).isEqualTo("2002500");
    }

    @Test
    void anAdviceRepeatingAPaymentAnswersItsSuccessAndPaysNothingMore() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);
        String paymentRequestId = id();
        String externalId = id();
        assertThat(bank.pay(customer, due, paymentRequestId, externalId).status()).isEqualTo(200);

        byte[] advice = bank.client().paymentBody(customer, paymentRequestId, due, true);
        SnapClient.Response newId = bank.send(SnapClient.PAYMENT_PATH, advice, id());
        SnapClient.Response sameId = bank.send(SnapClient.PAYMENT_PATH, advice, externalId);

        assertThat(body(newId).path("responseCode").asString()).isEqualTo("2002500");
        assertThat(body(newId).path("virtualAccountData").path("flagAdvise").asString()).isEqualTo("Y");
        assertThat(body(sameId).path("responseCode").asString()).isEqualTo("2002500");
        assertThat(fixtures.payments(customer)).isEqualTo(1);
    }

    @Test
    void theSameExternalIdWithAnotherBodyIs4092500() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);
        String externalId = id();
        bank.pay(customer, due - 5, id(), externalId);

        SnapClient.Response other = bank.pay(customer, due, id(), externalId);

        assertThat(other.status()).isEqualTo(409);
        assertThat(body(other).path("responseCode").asString()).isEqualTo("4092500");
        assertThat(fixtures.payments(customer)).isZero();
    }

    @Test
    void statusTellsWhatBecameOfAPayment() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        String paymentRequestId = id();
        bank.pay(customer, due(customer), paymentRequestId, id());

        SnapClient.Response known = bank.send(SnapClient.STATUS_PATH,
                bank.client().statusBody(customer, paymentRequestId), id());
        SnapClient.Response unknown = bank.send(SnapClient.STATUS_PATH, bank.client().statusBody(customer, id()), id());

        assertThat(body(known).path("responseCode").asString()).isEqualTo("2002600");
        assertThat(body(known).path("virtualAccountData").path("paymentFlagStatus").asString()).isEqualTo("00");
        assertThat(body(unknown).path("responseCode").asString()).isEqualTo("4042601");
    }

    @Test
    void malformedFieldsAre400WithTheFieldNamedAndNothingRecorded() {
        String externalId = id();
        SnapClient.Response badJson = bank.send(SnapClient.PAYMENT_PATH, utf8("{\"partnerServiceId\":"), externalId);
        SnapClient.Response missing = bank.send(SnapClient.PAYMENT_PATH, utf8("{\"partnerServiceId\":\"   88899\","
                + "\"customerNo\":\"123456789\",\"virtualAccountNo\":\"   88899123456789\"}"), id());
        SnapClient.Response badAmount = bank.send(SnapClient.PAYMENT_PATH, utf8("{\"partnerServiceId\":\"   88899\","
                + "\"customerNo\":\"123456789\",\"virtualAccountNo\":\"   88899123456789\",\"paymentRequestId\":\"1\","
                + "\"paidAmount\":{\"value\":\"10,000\",\"currency\":\"IDR\"}}"), id());

        assertThat(badJson.status()).isEqualTo(400);
        assertThat(body(badJson).path("responseCode").asString()).isEqualTo("4002500");
        assertThat(body(missing).path("responseCode").asString()).isEqualTo("4002502");
        assertThat(body(missing).path("responseMessage").asString()).isEqualTo("Invalid Mandatory Field paymentRequestId");
        assertThat(body(badAmount).path("responseCode").asString()).isEqualTo("4002501");
        assertThat(fixtures.recorded(externalId)).isZero();
    }

    @Test
    void answersAreJsonWithoutSessionCookieOrCsrf() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + SnapClient.INQUIRY_PATH))
                        .header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.body()).contains("\"responseCode\":\"4002402\"");
        var wrongMethod = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + SnapClient.PAYMENT_PATH)).header("Accept", "text/html")
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(wrongMethod.body()).contains("\"responseCode\":\"4050000\"");
    }

    @Test
    void bankSimulatorListsOpenAccountsAndPaysOneOverHttp() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        Command simulator = commands.stream().filter(c -> c.name().equals("bank-sim")).findFirst().orElseThrow();

        StringWriter listed = new StringWriter();
        int listCode = simulator.run(List.of("list"), new PrintWriter(listed, true));
        StringWriter paid = new StringWriter();
        int payCode = simulator.run(List.of("pay", "--va", "88899" + customer, "--amount", Long.toString(due(customer)),
                "--url", "http://localhost:" + port), new PrintWriter(paid, true));

        assertThat(listCode).isZero();
        assertThat(listed.toString()).containsPattern("(?m)^[12][0-9]+\\t.+\\tRp [0-9.]+\\t\\(VA 88899[12][0-9]+\\)$")
                .contains("open virtual account(s)");
        assertThat(payCode).as(paid.toString()).isZero();
        assertThat(paid.toString()).contains("inquiry: HTTP 200 2002400").contains("payment: HTTP 200 2002500");
        assertThat(fixtures.payments(customer)).isEqualTo(1);
    }
}
