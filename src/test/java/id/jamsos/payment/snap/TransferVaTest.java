package id.jamsos.payment.snap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.payment.internal.Receipt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** From a desk's receipt to SNAP's codes and reasons, with a stand-in desk (unit test only). */
class TransferVaTest {

    static final PartnerBank DEMO = new DemoBank().bank();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A desk that answers what the test says and remembers what it was handed. */
    static final class StandInDesk implements PaymentDesk {
        Optional<AmountDue> due = Optional.empty();
        Receipt receipt;
        final List<IncomingPayment> received = new ArrayList<>();

        @Override
        public Optional<AmountDue> due(String customerNumber, LocalDate on) {
            return due;
        }

        @Override
        public Receipt receive(IncomingPayment payment) {
            received.add(payment);
            return receipt;
        }

        @Override
        public List<AmountDue> open(LocalDate on, int limit) {
            return due.stream().toList();
        }
    }

    final StandInDesk desk = new StandInDesk();
    final TransferVa transferVa = new TransferVa(desk, new Reasons(messages()), null, JSON);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static TransferVaRequest payment(String json) {
        return TransferVaRequest.parse(SnapCase.PAYMENT, JSON.readTree(json), DEMO);
    }

    static final String PAY = "{\"partnerServiceId\":\"   88899\",\"customerNo\":\"112345678\","
            + "\"virtualAccountNo\":\"   88899112345678\",\"paymentRequestId\":\"77\","
            + "\"paidAmount\":{\"value\":\"150000.00\",\"currency\":\"IDR\"},\"flagAdvise\":\"N\"}";

    @Test
    void aPaymentIsHandedToTheDeskAsAVirtualAccountPaymentFromTheBankUnderItsRequestId() {
        desk.receipt = new Receipt.Accepted(5, Rupiah.of(150_000), false);
        Instant now = Instant.parse("2026-12-01T03:00:00Z");

        TransferVa.Outcome outcome = transferVa.payment(DEMO, payment(PAY), now);

        assertThat(desk.received).containsExactly(new IncomingPayment("VIRTUAL_ACCOUNT", "DEMOBANK01", "77", "112345678",
                Rupiah.of(150_000), now));
        assertThat(outcome.snapCase()).isEqualTo(SnapCase.SUCCESS);
        assertThat(outcome.paid()).isTrue();
        assertThat(outcome.body().path("responseCode").asString()).isEqualTo("2002500");
        assertThat(outcome.body().path("additionalInfo").path("receiptNo").asString()).isEqualTo("5");
    }

    @Test
    void eachRefusalOfTheDeskHasItsSnapCodeAndBothLanguages() {
        desk.receipt = new Receipt.WrongAmount(Rupiah.of(1_234_567), Rupiah.of(150_000));
        ObjectNode wrong = transferVa.payment(DEMO, payment(PAY), Instant.now()).body();
        desk.receipt = new Receipt.NothingDue("112345678");
        ObjectNode paid = transferVa.payment(DEMO, payment(PAY), Instant.now()).body();
        desk.receipt = new Receipt.UnknownPayer("112345678");
        ObjectNode unknown = transferVa.payment(DEMO, payment(PAY), Instant.now()).body();

        assertThat(wrong.path("responseCode").asString()).isEqualTo("4042513");
        assertThat(wrong.path("virtualAccountData").path("paymentFlagReason").path("indonesia").asString())
                .isEqualTo("Jumlah pembayaran harus Rp 1.234.567");
        assertThat(paid.path("responseCode").asString()).isEqualTo("4042514");
        assertThat(paid.path("virtualAccountData").path("paymentFlagReason").path("english").asString())
                .isEqualTo("Nothing is due: the bill has been paid");
        assertThat(unknown.path("responseCode").asString()).isEqualTo("4042512");
        assertThat(List.of(wrong, paid, unknown)).extracting(a -> a.path("virtualAccountData").path("paymentFlagStatus")
                .asString()).containsOnly("01");
    }

    @Test
    void inquiryCarriesTheAmountDueAndNothingDueIsAPaidBill() {
        desk.due = Optional.of(new AmountDue("112345678", Payer.employer(1), "PT Maju", Rupiah.of(99_000), "Iuran"));
        ObjectNode open = transferVa.inquiry(inquiry(), LocalDate.of(2026, 12, 1)).body();
        desk.due = Optional.of(new AmountDue("112345678", Payer.employer(1), "PT Maju", Rupiah.ZERO, "Iuran"));
        ObjectNode settled = transferVa.inquiry(inquiry(), LocalDate.of(2026, 12, 1)).body();

        assertThat(open.path("virtualAccountData").path("totalAmount").path("value").asString()).isEqualTo("99000.00");
        assertThat(open.path("virtualAccountData").path("virtualAccountName").asString()).isEqualTo("PT Maju");
        assertThat(settled.path("responseCode").asString()).isEqualTo("4042414");
        assertThat(settled.path("virtualAccountData").path("inquiryStatus").asString()).isEqualTo("01");
    }

    static TransferVaRequest inquiry() {
        return TransferVaRequest.parse(SnapCase.INQUIRY, JSON.readTree("{\"partnerServiceId\":\"   88899\","
                + "\"customerNo\":\"112345678\",\"virtualAccountNo\":\"   88899112345678\",\"inquiryRequestId\":\"9\"}"),
                DEMO);
    }

    @Test
    void requestsOfTheWrongFormAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> payment(PAY.replace("150000.00", "150000.50")))
                .isInstanceOfSatisfying(SnapRefusal.class, r -> assertThat(r.snapCase).isEqualTo(SnapCase.INVALID_AMOUNT));
        assertThatThrownBy(() -> payment(PAY.replace("150000.00", "150.000")))
                .isInstanceOfSatisfying(SnapRefusal.class, r -> assertThat(r.getMessage())
                        .isEqualTo("Invalid Field Format paidAmount.value"));
        assertThatThrownBy(() -> payment(PAY.replace("   88899112345678", "   88899112345679")))
                .isInstanceOfSatisfying(SnapRefusal.class, r -> assertThat(r.detail).isEqualTo("virtualAccountNo"));
        assertThatThrownBy(() -> payment(PAY.replace("   88899", "   77777")))
                .isInstanceOfSatisfying(SnapRefusal.class,
                        r -> assertThat(r.snapCase).isEqualTo(SnapCase.UNKNOWN_VIRTUAL_ACCOUNT));
        assertThatThrownBy(() -> payment(PAY.replace("\"N\"", "\"maybe\"")))
                .isInstanceOfSatisfying(SnapRefusal.class, r -> assertThat(r.detail).isEqualTo("flagAdvise"));
        assertThatThrownBy(() -> payment("[1,2]"))
                .isInstanceOfSatisfying(SnapRefusal.class, r -> assertThat(r.snapCase).isEqualTo(SnapCase.BAD_REQUEST));
    }

    @Test
    void snapCodesAreStatusServiceAndCase() {
        assertThat(SnapCase.UNAUTHORIZED.code(SnapCase.INQUIRY)).isEqualTo("4012400");
        assertThat(SnapCase.CONFLICT.code(SnapCase.PAYMENT)).isEqualTo("4092500");
        assertThat(SnapCase.SUCCESS.code(SnapCase.STATUS)).isEqualTo("2002600");
        assertThat(SnapCase.SUCCESS.code(SnapCase.ACCESS_TOKEN)).isEqualTo("2007300");
        assertThat(BankSimulator.customerNumber("88899112345678", "88899")).isEqualTo("112345678");
        assertThat(BankSimulator.customerNumber("112345678", "88899")).isEqualTo("112345678");
    }
}
