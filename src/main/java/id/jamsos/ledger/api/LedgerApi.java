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
import id.jamsos.ledger.internal.JhtProjection;
import id.jamsos.ledger.internal.OwnCards;
import id.jamsos.ledger.internal.ProjectionInputs;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCards;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
 * The member's JHT accounts for the mobile app, by KPJ: their cards (their own membership and older cards they linked),
 * balance, history, statements and the projection to pension age. Only the signed-in member's own KPJs answer; any
 * other KPJ (someone else's or none at all) is 404 with the same problem detail, so nothing tells whether it exists.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "The member's JHT balance, contribution history and yield")
class LedgerApi {

    static final URI NOT_FOUND = URI.create("https://jamsos.id/problems/not-found");
    private static final DateTimeFormatter RETRY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm 'WIB'")
            .withZone(JakartaTime.ZONE);

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

    /** One of the member's KPJ cards; {@code own} for the membership of the account, else a card they linked. */
    record Card(String kpj, String fullName, String status, boolean own, long balance) {
    }

    record Cards(List<Card> cards, long combinedBalance) {
    }

    /** A card to link: its KPJ, the holder's NIK and date of birth ({@code yyyy-MM-dd} or {@code dd-MM-yyyy}). */
    record LinkRequest(String kpj, String nik, String birthDate) {
    }

    /** One projected year: contributions paid in it, the yield credited for it, the balance at its end. */
    record ProjectedYear(int year, int age, long contributions, long yield, long closingBalance) {
    }

    /**
     * The projection and every assumption it rests on: today's balance, the monthly wage and JHT rates (basis points),
     * the yearly yield assumed (basis points) and whether it is the default (the average of the latest known years).
     */
    record Projection(String kpj, long balance, long monthlyWage, int employerRateBasisPoints,
                      int workerRateBasisPoints, long monthlyContribution, int yieldBasisPoints, boolean defaultYield,
                      int defaultYieldFromYear, int defaultYieldToYear, boolean illustrativeYield, int pensionAge,
                      String pensionMonth, boolean pensionAgeReached, long balanceAtPensionAge,
                      List<ProjectedYear> years, String assumption) {
    }

    private final OwnCards cards;
    private final MemberCards memberCards;
    private final MemberLedger ledger;
    private final ProjectionInputs projectionInputs;
    private final JhtProjection projection;
    private final MessageSource messages;
    private final Clock clock;
    private final StatementPdf pdf;

    LedgerApi(OwnCards cards, MemberCards memberCards, MemberLedger ledger, ProjectionInputs projectionInputs,
              JhtProjection projection, MessageSource messages, Clock clock, StatementPdf pdf) {
        this.cards = cards;
        this.memberCards = memberCards;
        this.ledger = ledger;
        this.projectionInputs = projectionInputs;
        this.projection = projection;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "The signed-in member's KPJ cards with each card's JHT balance and their sum")
    @GetMapping("/cards")
    Cards cards(@AuthenticationPrincipal SignedInAccount account) {
        OwnCards.Cards all = cards.of(account.id());
        return new Cards(all.cards().stream().map(c -> new Card(c.member().kpj(), c.member().fullName(),
                c.member().status().name(), c.own(), c.balance().value())).toList(), all.combined().value());
    }

    @Operation(summary = "Links another KPJ card of the signed-in member (same NIK and date of birth); at most "
            + MemberCards.ATTEMPTS_PER_HOUR + " failed attempts an hour. Any mismatch is the same 400 problem.")
    @PostMapping("/cards")
    ResponseEntity<?> link(@AuthenticationPrincipal SignedInAccount account, @RequestBody(required = false)
                           LinkRequest body, HttpServletRequest request, Locale locale) {
        if (cards.own(account.id()).isEmpty()) {
            return notFound(locale);
        }
        LinkRequest typed = body == null ? new LinkRequest(null, null, null) : body;
        MemberCards.LinkOutcome outcome = memberCards.link(account.id(), account.email(), request.getRemoteAddr(),
                typed.kpj(), typed.nik(), typed.birthDate());
        if (outcome instanceof MemberCards.LinkOutcome.Linked) {
            return ResponseEntity.status(HttpStatus.CREATED).body(cards(account));
        }
        if (outcome instanceof MemberCards.LinkOutcome.Throttled throttled) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage("jht.cards.throttled", new Object[] {RETRY.format(throttled.retryFrom())},
                            locale));
            problem.setType(URI.create("https://jamsos.id/problems/too-many-attempts"));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1,
                            java.time.Duration.between(clock.instant(), throttled.retryFrom()).toSeconds())))
                    .body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("jht.cards.refused", null, locale));
        problem.setType(URI.create("https://jamsos.id/problems/card-not-linked"));
        return ResponseEntity.badRequest().body(problem);
    }

    @Operation(summary = "The JHT balance projected to pension age for the signed-in member's KPJ; optional yield "
            + "(percent, 0-15, default the average of the latest known yearly rates) and monthly wage (rupiah, default "
            + "the latest wage the bills used)")
    @GetMapping("/{kpj}/projection")
    ResponseEntity<?> projection(@AuthenticationPrincipal SignedInAccount account, @PathVariable String kpj,
                                 @RequestParam(required = false) String yield,
                                 @RequestParam(required = false) String wage, Locale locale) {
        Member member = own(account, kpj);
        if (member == null) {
            return notFound(locale);
        }
        JhtProjection.Assumption assumption = projection.defaultYield();
        ProjectionInputs.Inputs inputs = projectionInputs.of(account.id(), member, yield, wage, assumption);
        if (!inputs.errors().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage(inputs.errors().get(0), null, locale));
            problem.setType(URI.create("https://jamsos.id/problems/invalid-input"));
            problem.setProperty("errors", inputs.errors().stream()
                    .map(key -> messages.getMessage(key, null, locale)).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        JhtProjection.Projection p = projectionInputs.project(member, inputs, JakartaTime.today(clock));
        JhtProjection.Basis b = p.basis();
        String assumptionText = messages.getMessage("jht.projection.assume.api", new Object[] {
                b.balance().formatted(), b.wage().formatted(), b.monthly().formatted(), p.yield().percent(locale),
                p.pensionAge()}, locale);
        return ResponseEntity.ok(new Projection(member.kpj(), b.balance().value(), b.wage().value(),
                b.employerRate().basisPoints(), b.workerRate().basisPoints(), b.monthly().value(),
                p.yield().basisPoints(), yield == null, assumption.fromYear(), assumption.toYear(),
                assumption.illustrative() && yield == null, p.pensionAge(), p.pensionMonth().toString(), p.reached(),
                p.atPension().value(), p.years().stream().map(y -> new ProjectedYear(y.year(), y.age(),
                        y.contributions().value(), y.yield().value(), y.closing().value())).toList(),
                assumptionText));
    }

    @Operation(summary = "The JHT balance of the signed-in member's KPJ")
    @GetMapping("/{kpj}/balance")
    ResponseEntity<?> balance(@AuthenticationPrincipal SignedInAccount account, @PathVariable String kpj,
                              Locale locale) {
        Member member = own(account, kpj);
        return member == null ? notFound(locale) : balanceOf(member, locale);
    }

    /**
     * The app's home screen: the balance of the account's own membership without knowing its KPJ first (the same
     * answer as {@code /{kpj}/balance} for that KPJ). A fixed path, which Spring MVC finds by a map lookup instead of
     * matching every route of the platform (docs/performance.md).
     */
    @Operation(summary = "The JHT balance of the signed-in member's own membership (the account's own KPJ)")
    @GetMapping("/balance")
    ResponseEntity<?> ownBalance(@AuthenticationPrincipal SignedInAccount account, Locale locale) {
        Member member = cards.own(account.id()).orElse(null);
        return member == null ? notFound(locale) : balanceOf(member, locale);
    }

    private ResponseEntity<?> balanceOf(Member member, Locale locale) {
        Summary s = ledger.summaryWithoutChart(member.id(), JakartaTime.today(clock)).orElse(null);
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

    /** One of the account's own cards, or null for any other KPJ (somebody else's or nobody's alike). */
    private Member own(SignedInAccount account, String kpj) {
        return kpj == null || kpj.isBlank() ? null : cards.card(account.id(), kpj).orElse(null);
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
