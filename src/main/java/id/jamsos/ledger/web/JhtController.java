package id.jamsos.ledger.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.ledger.internal.MemberLedger;
import id.jamsos.ledger.internal.StatementPdf;
import id.jamsos.ledger.internal.MemberLedger.Contribution;
import id.jamsos.ledger.internal.OwnCards;
import id.jamsos.membership.Member;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
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
 * "Saldo JHT": the signed-in member's own balance, its make-up per year and a chart, their KPJ cards with each card's
 * balance and the sum; the contribution history (paged, by year, as CSV) and the yearly statement PDF of a card
 * ({@code ?kpj=}, the own membership without it). Only the account's own cards: nobody else's is reachable here.
 */
@Controller
class JhtController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OwnCards cards;
    private final MemberLedger ledger;
    private final StatementPdf pdf;
    private final MessageSource messages;
    private final Clock clock;

    JhtController(OwnCards cards, MemberLedger ledger, StatementPdf pdf, MessageSource messages, Clock clock) {
        this.cards = cards;
        this.ledger = ledger;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    /** The account's card with this KPJ (its own membership without one); any other KPJ is 404, like none at all. */
    private Member member(SignedInAccount account, String kpj) {
        return cards.card(account.id(), kpj).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/saldo-jht")
    String balance(@AuthenticationPrincipal SignedInAccount account,
                   @RequestParam(name = "kpj", required = false) String kpj, Model model) {
        Member member = member(account, kpj);
        model.addAttribute("member", member);
        model.addAttribute("cards", cards.of(account.id()));
        model.addAttribute("kpj", kpjParam(account, member));
        ledger.summary(member.id(), JakartaTime.today(clock)).ifPresent(summary -> {
            model.addAttribute("summary", summary);
            model.addAttribute("chart", BalanceChart.of(summary.chart()));
        });
        return "ledger/balance";
    }

    @GetMapping("/saldo-jht/riwayat")
    String history(@AuthenticationPrincipal SignedInAccount account,
                   @RequestParam(name = "tahun", required = false) String year,
                   @RequestParam(name = "halaman", required = false) String page,
                   @RequestParam(name = "kpj", required = false) String kpj, Model model) {
        Member member = member(account, kpj);
        Integer shownYear = year(year);
        model.addAttribute("member", member);
        model.addAttribute("kpj", kpjParam(account, member));
        model.addAttribute("year", shownYear);
        model.addAttribute("history", ledger.history(member.id(), shownYear, page(page)));
        return "ledger/history";
    }

    @GetMapping("/saldo-jht/riwayat.csv")
    ResponseEntity<byte[]> historyCsv(@AuthenticationPrincipal SignedInAccount account,
                                      @RequestParam(name = "tahun", required = false) String year,
                                      @RequestParam(name = "kpj", required = false) String kpj, Locale locale) {
        Member member = member(account, kpj);
        Integer shownYear = year(year);
        StringBuilder csv = new StringBuilder(Csv.row(List.of(text("jht.history.month", locale),
                text("jht.history.employer", locale), text("jht.history.wage", locale),
                text("jht.history.employer-share", locale), text("jht.history.worker-share", locale),
                text("jht.history.paid-on", locale))));
        for (Contribution c : ledger.allContributions(member.id(), shownYear)) {
            csv.append(Csv.row(List.of(c.period().toString(), payer(c, locale),
                    c.wage() == null ? "" : String.valueOf(c.wage().value()), String.valueOf(c.employer().value()),
                    String.valueOf(c.worker().value()), DAY.format(c.paidOn()))));
        }
        String name = "riwayat-iuran-jht-" + member.kpj() + (shownYear == null ? "" : "-" + shownYear) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/saldo-jht/laporan")
    Object statement(@AuthenticationPrincipal SignedInAccount account,
                     @RequestParam(name = "tahun", required = false) String year,
                     @RequestParam(name = "kpj", required = false) String kpj, Locale locale, Model model) {
        Member member = member(account, kpj);
        Integer chosen = year(year);
        int current = JakartaTime.today(clock).getYear();
        if (chosen == null || chosen > current) {
            model.addAttribute("member", member);
            model.addAttribute("kpj", kpjParam(account, member));
            model.addAttribute("error", "jht.statement.year-invalid");
            model.addAttribute("year", null);
            model.addAttribute("history", ledger.history(member.id(), null, 1));
            return new org.springframework.web.servlet.ModelAndView("ledger/history", model.asMap(),
                    HttpStatus.BAD_REQUEST);
        }
        return statementPdf(member, chosen, locale);
    }

    ResponseEntity<byte[]> statementPdf(Member member, int year, Locale locale) {
        MemberLedger.Statement statement = ledger.statement(member.id(), year)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] body = pdf.render(Map.of("member", member, "statement", statement, "printedOn",
                DAY.format(JakartaTime.today(clock))), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("laporan-jht-" + member.kpj() + "-" + year + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    /** The KPJ to carry in links: none for the account's own membership, so its addresses stay as they were. */
    private static String kpjParam(SignedInAccount account, Member member) {
        return account.id().equals(member.accountId()) ? null : member.kpj();
    }

    private String payer(Contribution c, Locale locale) {
        if (c.employerId() == null) {
            return text("jht.history.self-paid", locale);
        }
        return c.employerName() != null ? c.employerName()
                : messages.getMessage("jht.history.employer-id", new Object[] {c.employerId()}, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** A year 2000–2099, or null (all years) for anything else. */
    static Integer year(String typed) {
        try {
            int year = Integer.parseInt(typed == null ? "" : typed.strip());
            return year >= 2000 && year <= 2099 ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int page(String typed) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(typed == null ? "1" : typed.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
