package id.jamsos.contribution.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Bills;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in payer's arrears as JSON, for the mobile app: the same statement as the page, amounts in rupiah. */
@RestController
@Tag(name = "Arrears", description = "Unpaid bills and late penalties of the signed-in payer")
class ArrearsApi {

    static final URI INVALID = URI.create("https://jamsos.id/problems/invalid-input");
    static final URI NOT_FOUND = URI.create("https://jamsos.id/problems/not-found");
    static final URI FORBIDDEN = URI.create("https://jamsos.id/problems/forbidden");

    record Bill(long billId, String category, String period, LocalDate dueDate, long contribution, int monthsLate,
                long penalty, long total) {
    }

    record Totals(long contributions, long penalties, long total) {
    }

    record Statement(String payer, String category, LocalDate asOf, List<Bill> bills, Totals totals) {
    }

    private final Bills bills;
    private final ArrearsPayers payers;
    private final MessageSource messages;
    private final Clock clock;

    ArrearsApi(Bills bills, ArrearsPayers payers, MessageSource messages, Clock clock) {
        this.bills = bills;
        this.payers = payers;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Unpaid bills as of a day (default today, YYYY-MM-DD) with late penalties (RULES.md §4)")
    @GetMapping("/api/v1/arrears")
    ResponseEntity<?> arrears(@AuthenticationPrincipal SignedInAccount account,
                              @RequestParam(name = "asOf", required = false) String asOf, Locale locale) {
        if (!ArrearsPayers.mayHaveArrears(account)) {
            return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "arrears.forbidden", locale, null);
        }
        Optional<LocalDate> day = ArrearsPayers.asOf(asOf, JakartaTime.today(clock));
        if (day.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, INVALID, "form.errors.title", locale,
                    Map.of("asOf", messages.getMessage("arrears.as-of.invalid", null, locale)));
        }
        Optional<ArrearsPayers.Named> payer = payers.of(account);
        if (payer.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "arrears.no-payer", locale, null);
        }
        ArrearsStatement statement = bills.arrears(payer.get().payer(), day.get());
        List<Bill> lines = statement.bills().stream().map(b -> new Bill(b.billId(), b.category().name(),
                b.period().toString(), b.dueDate(), b.contribution().value(), b.monthsLate(), b.penalty().value(),
                b.total().value())).toList();
        return ResponseEntity.ok(new Statement(payer.get().reference(), payer.get().payer().category().name(),
                statement.asOf(), lines, new Totals(statement.contributions().value(), statement.penalties().value(),
                statement.total().value())));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String key, Locale locale,
                                                  Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
        problem.setType(type);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
