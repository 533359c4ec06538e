package id.jamsos.payment.snap;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Rupiah;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar jamsos.jar bank-sim list} and {@code bank-sim pay --va … --amount …}: the demo bank (demo only, never
 * under prod) lists open virtual accounts and pays one over HTTP against a running platform (access token, inquiry,
 * payment), signing exactly as a partner bank does.
 */
@Component
class BankSimulator implements Command {

    static final int LIST_LIMIT = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentDesk desk;
    private final ObjectProvider<DemoBank> demoBank;
    private final Clock clock;
    private final String platformUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    BankSimulator(PaymentDesk desk, ObjectProvider<DemoBank> demoBank, Clock clock,
                  @Value("${jamsos.public-url}") String platformUrl) {
        this.desk = desk;
        this.demoBank = demoBank;
        this.clock = clock;
        this.platformUrl = platformUrl;
    }

    @Override
    public String name() {
        return "bank-sim";
    }

    @Override
    public String usage() {
        return "bank-sim list | bank-sim pay --va NUMBER --amount RUPIAH [--url " + platformUrl + "]"
                + "   the demo bank lists open virtual accounts / pays one (demo only)";
    }

    @Override
    public int run(List<String> arguments, PrintWriter out) {
        if (arguments.size() == 1 && arguments.get(0).equals("list")) {
            return list(out);
        }
        Map<String, String> options = options(arguments);
        if (!arguments.isEmpty() && arguments.get(0).equals("pay") && options != null && options.containsKey("--va")
                && options.containsKey("--amount")) {
            return pay(options, out);
        }
        out.println("Usage: java -jar jamsos.jar " + usage());
        return 2;
    }

    private int list(PrintWriter out) {
        String prefix = demoBank.getIfAvailable() == null ? "" : demoBank.getObject().bank().partnerServiceId().strip();
        List<AmountDue> open = desk.open(JakartaTime.today(clock), LIST_LIMIT);
        for (AmountDue due : open) {
            out.printf("%s\t%s\t%s\t(VA %s)%n", due.customerNumber(), due.payerName(), due.amount().formatted(),
                    prefix + due.customerNumber());
        }
        out.println(open.size() + " open virtual account(s)" + (open.size() == LIST_LIMIT ? ", the first " + LIST_LIMIT : ""));
        return 0;
    }

    private int pay(Map<String, String> options, PrintWriter out) {
        DemoBank demo = demoBank.getIfAvailable();
        if (demo == null) {
            out.println("bank-sim pays as the demo bank, which exists only outside the prod profile.");
            return 2;
        }
        Rupiah amount;
        try {
            amount = Rupiah.parse(options.get("--amount"));
        } catch (InvalidValue e) {
            out.println("--amount must be whole rupiah, e.g. 150000 or \"Rp 150.000\"");
            return 2;
        }
        URI url = URI.create(options.getOrDefault("--url", platformUrl));
        SnapClient bank = SnapClient.demoBank(url, clock,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        String customerNo = customerNumber(options.get("--va"), bank.partnerServiceId().strip());
        try {
            String token = bank.accessToken();
            SnapClient.Response inquiry = bank.send(SnapClient.INQUIRY_PATH, token,
                    bank.inquiryBody(customerNo, number(20)), number(16));
            out.println("inquiry: HTTP " + inquiry.status() + " " + describe(inquiry));
            SnapClient.Response payment = bank.send(SnapClient.PAYMENT_PATH, token,
                    bank.paymentBody(customerNo, number(20), amount.value(), false), number(16));
            out.println("payment: HTTP " + payment.status() + " " + describe(payment));
            return payment.status() == 200 ? 0 : 1;
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    private String describe(SnapClient.Response response) {
        JsonNode answer = json.readTree(response.body());
        JsonNode data = answer.path("virtualAccountData");
        JsonNode reason = data.has("inquiryReason") ? data.get("inquiryReason") : data.path("paymentFlagReason");
        StringBuilder line = new StringBuilder(answer.path("responseCode").asString() + " "
                + answer.path("responseMessage").asString());
        if (data.has("virtualAccountName")) {
            line.append(" — ").append(data.get("virtualAccountName").asString());
        }
        if (data.has("totalAmount")) {
            line.append(", due Rp ").append(data.path("totalAmount").path("value").asString());
        }
        if (reason.has("english")) {
            line.append(" (").append(reason.get("english").asString()).append(")");
        }
        return line.toString();
    }

    /** A virtual-account number (the demo bank's prefix and the customer number) or only the customer number. */
    static String customerNumber(String va, String prefix) {
        String digits = va.replaceAll("\\s", "");
        if (digits.startsWith(prefix) && (digits.length() - prefix.length() == 9 || digits.length() - prefix.length() == 12)) {
            return digits.substring(prefix.length());
        }
        return digits;
    }

    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < arguments.size(); i++) {
            String word = arguments.get(i);
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                options.put(word.substring(0, equals), word.substring(equals + 1));
            } else if (word.startsWith("--") && i + 1 < arguments.size()) {
                options.put(word, arguments.get(++i));
            } else {
                return null;
            }
        }
        return options;
    }

    /** SNAP ids are numeric strings: X-EXTERNAL-ID, inquiryRequestId, paymentRequestId. */
    static String number(int digits) {
        StringBuilder number = new StringBuilder(digits);
        number.append(1 + RANDOM.nextInt(9));
        while (number.length() < digits) {
            number.append(RANDOM.nextInt(10));
        }
        return number.toString();
    }
}
