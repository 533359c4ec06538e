package id.jamsos.ledger.api;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.ledger.internal.MemberLedger;
import id.jamsos.ledger.internal.MemberLedger.Contribution;
import id.jamsos.ledger.internal.MemberLedger.Summary;
import id.jamsos.ledger.internal.StatementPdf;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import id.jamsos.membership.Member;
import id.jamsos.membership.Members;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's JHT account for the mobile app, by KPJ. Only the signed-in member's own KPJ answers; any other KPJ
 * (someone else's or none at all) is 404 with the same problem detail, so nothing tells whether it exists.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "The member's JHT balance, contribution history and yield")
class LedgerApi {

    static final URI NOT_FOUND = URI.create("https://jamsos.id/problems/not-found");

    /** Amounts in whole rupiah; {@code illustrativeYield} when a yield used the demo's illustrative rate. */
    record Balance(String kpj, String status, long balance, long employerContributions, long workerContributions,
                   long yield, String lastContributionMonth, List<Year> years, boolean illustrativeYield) {
    }

    record Year(int year, long employer, long worker, long yield, long closingBalance) {
    }

    /**
     * One month's JHT contribution; {@code employerId} and {@code employerName} are null for a month paid by the
     * member (BPU), {@code wage} (whole rupiah) is the reported wage or declared income the bill was computed from,
     * null for months billed before it was recorded.
     */
    record Row(String month, Long employerId, String employerName, Long wage, long employerShare, long workerShare,
               String paidOn) {
    }

    record History(List<Row> contributions, int page, int pages) {
    }

    private final Members members;
    private final MemberLedger ledger;
    private final MessageSource messages;
    private final Clock clock;
    private final StatementPdf pdf;

    LedgerApi(Members members, MemberLedger ledger, MessageSource messages, Clock clock, StatementPdf pdf) {
        this.members = members;
        this.ledger = ledger;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "The JHT balance of the signed-in member's KPJ")
    @GetMapping("/{kpj}/balance")
    ResponseEntity<?> balance(@AuthenticationPrincipal SignedInAccount account, @PathVariable String kpj,
                              Locale locale) {
        Member member = own(account, kpj);
        if (member == null) {
            return notFound(locale);
        }
        Summary s = ledger.summary(member.id(), JakartaTime.today(clock)).orElse(null);
        if (s == null) {
            return notFound(locale);
        }
        return ResponseEntity.ok(new Balance(member.kpj(), member.status().name(), s.balance().value(),
                s.employer().value(), s.worker().value(), s.yield().value(),
                s.lastContribution() == null ? null : s.lastContribution().toString(),
                s.years().stream().map(y -> new Year(y.year(), y.employer().value(), y.worker().value(),
                        y.yield().value(), y.closing().value())).toList(), s.illustrativeYield()));
    }

    @Operation(summary = "The contribution history of the signed-in member's KPJ, newest first, 12 a page")
    @GetMapping("/{kpj}/contributions")
    ResponseEntity<?> history(@AuthenticationPrincipal SignedInAccount account, @PathVariable String kpj,
                              @RequestParam(required = false) String year, @RequestParam(required = false) String page,
                              Locale locale) {
        Member member = own(account, kpj);
        if (member == null) {
            return notFound(locale);
        }
        Integer shown = null;
        int pageNumber = 1;
        try {
            shown = year == null ? null : Integer.valueOf(year);
            pageNumber = page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return invalid(locale);
        }
        if ((shown != null && (shown < 2000 || shown > 2099)) || pageNumber < 1) {
            return invalid(locale);
        }
        MemberLedger.HistoryPage history = ledger.history(member.id(), shown, pageNumber);
        return ResponseEntity.ok(new History(history.rows().stream().map(LedgerApi::row).toList(), history.page(),
                history.pages()));
    }

    @Operation(summary = "The yearly JHT statement (PDF) of the signed-in member's KPJ")
    @GetMapping("/{kpj}/statements/{year}")
    ResponseEntity<?> statement(@AuthenticationPrincipal SignedInAccount account, @PathVariable String kpj,
                                @PathVariable String year, Locale locale) {
        Member member = own(account, kpj);
        if (member == null) {
            return notFound(locale);
        }
        int chosen;
        try {
            chosen = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            return invalid(locale);
        }
        if (chosen < 2000 || chosen > JakartaTime.today(clock).getYear()) {
            return invalid(locale);
        }
        MemberLedger.Statement statement = ledger.statement(member.id(), chosen).orElse(null);
        if (statement == null) {
            return notFound(locale);
        }
        byte[] body = pdf.render(Map.of("member", member, "statement", statement, "printedOn",
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(JakartaTime.today(clock))), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("laporan-jht-" + member.kpj() + "-" + chosen + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    private static Row row(Contribution c) {
        return new Row(c.period().toString(), c.employerId(), c.employerName(),
                c.wage() == null ? null : c.wage().value(),
                c.employer().value(), c.worker().value(), c.paidOn().toString());
    }

    private Member own(SignedInAccount account, String kpj) {
        return members.byAccount(account.id()).filter(m -> m.kpj().equals(kpj)).orElse(null);
    }

    private ResponseEntity<ProblemDetail> notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("jht.api.not-found", null, locale));
        problem.setType(NOT_FOUND);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private ResponseEntity<ProblemDetail> invalid(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("jht.api.invalid", null, locale));
        problem.setType(URI.create("https://jamsos.id/problems/invalid-input"));
        return ResponseEntity.badRequest().body(problem);
    }
}
