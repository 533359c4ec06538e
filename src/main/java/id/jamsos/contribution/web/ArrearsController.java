package id.jamsos.contribution.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Bills;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Tunggakan iuran": the signed-in payer's arrears statement as of a day (today by default), on screen and as PDF.
 * Employer administrators see their employer's bills, members their own informal-worker bills; anyone else gets 404.
 */
@Controller
class ArrearsController {

    private final Bills bills;
    private final ArrearsPayers payers;
    private final ArrearsPdf pdf;
    private final Clock clock;

    ArrearsController(Bills bills, ArrearsPayers payers, ArrearsPdf pdf, Clock clock) {
        this.bills = bills;
        this.payers = payers;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/tunggakan")
    String statement(@AuthenticationPrincipal SignedInAccount account,
                     @RequestParam(name = "asOf", required = false) String asOf, HttpServletResponse response,
                     Model model) {
        ArrearsPayers.Named payer = payer(account);
        Optional<LocalDate> day = ArrearsPayers.asOf(asOf, JakartaTime.today(clock));
        if (day.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "arrears.as-of.invalid");
            model.addAttribute("asOfTyped", asOf);
            model.addAllAttributes(variables(payer, bills.arrears(payer.payer(), JakartaTime.today(clock))));
            return "contribution/arrears";
        }
        model.addAllAttributes(variables(payer, bills.arrears(payer.payer(), day.get())));
        return "contribution/arrears";
    }

    @GetMapping("/tunggakan/pdf")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInAccount account,
                                    @RequestParam(name = "asOf", required = false) String asOf, Locale locale) {
        ArrearsPayers.Named payer = payer(account);
        LocalDate day = ArrearsPayers.asOf(asOf, JakartaTime.today(clock))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        byte[] document = pdf.render(variables(payer, bills.arrears(payer.payer(), day)), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tunggakan-" + day + ".pdf").build().toString())
                .body(document);
    }

    private ArrearsPayers.Named payer(SignedInAccount account) {
        return payers.of(account).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static Map<String, Object> variables(ArrearsPayers.Named payer, ArrearsStatement statement) {
        return Map.of("payerName", payer.name(), "payerReference", payer.reference(),
                "category", payer.payer().category().name(), "statement", statement);
    }
}
