package id.jamsos.reactivation.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.Contributions;
import id.jamsos.document.DocumentKind;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberStatus;
import id.jamsos.reactivation.internal.Reactivations;
import id.jamsos.reactivation.internal.Reactivations.Officer;
import id.jamsos.reactivation.internal.Reactivations.Outcome;
import id.jamsos.reactivation.internal.Reactivations.Overview;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's reactivation pages at a branch (OFFICER only, by the security rule on {@code /petugas/**}). */
@Controller
class OfficerReactivationController {

    static final String BASE = "/petugas/reaktivasi";
    static final Map<String, Object> NO_INFORMAL_FORM = Map.of("occupation", "", "location", "", "declaredIncome", "",
            "jht", false);

    private final Reactivations reactivations;
    private final QuotePdf quotePdf;
    private final AuditLog audit;
    private final Contributions contributions;

    OfficerReactivationController(Reactivations reactivations, QuotePdf quotePdf, AuditLog audit,
                                  Contributions contributions) {
        this.contributions = contributions;
        this.reactivations = reactivations;
        this.quotePdf = quotePdf;
        this.audit = audit;
    }

    @GetMapping(BASE)
    String search(@AuthenticationPrincipal SignedInAccount account, @RequestParam(required = false) String nik,
                  @RequestParam(required = false) String kpj, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String birthDate, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("form", Map.of("nik", blank(nik), "kpj", blank(kpj), "name", blank(name),
                "birthDate", blank(birthDate)));
        if (nik == null && kpj == null && name == null && birthDate == null) {
            return "reactivation/search";
        }
        try {
            var found = reactivations.find(officer(account, request), nik, kpj, name, birthDate);
            if (found.size() == 1) {
                return "redirect:" + BASE + "/" + found.get(0).id();
            }
            if (found.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("error", "reactivation.search.none");
            }
            model.addAttribute("found", found);
        } catch (InvalidValue e) {
            refused(e, response, model);
        }
        return "reactivation/search";
    }

    @GetMapping(BASE + "/{id}")
    String member(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                  @RequestParam(name = "terlalu-besar", required = false) String tooLarge,
                  HttpServletRequest request, Model model) {
        if (tooLarge != null) {
            model.addAttribute("error", "document.too-large");
            model.addAttribute("errorArguments", new Object[] {5});
        }
        Overview overview = reactivations.view(officer(account, request), memberId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("o", overview);
        model.addAttribute("time", new JakartaTime());
        model.addAttribute("fields", MemberField.values());
        model.addAttribute("employmentStatuses", MemberField.EmploymentStatus.values());
        model.addAttribute("scanKinds", DocumentKind.values());
        model.addAttribute("nonActive", overview.member().member().status() == MemberStatus.NON_ACTIVE);
        var rates = contributions.ratesFor(Period.of(reactivations.today()));
        model.addAttribute("bpuIncomeMinimum", rates.bpuIncomeMinimum());
        model.addAttribute("bpuIncomeMaximum", rates.bpuIncomeMaximum());
        if (!model.containsAttribute("employerForm")) {
            model.addAttribute("employerForm", Map.of("npp", "", "startDate", "", "wage", "", "jobTitle", ""));
        }
        if (!model.containsAttribute("informalForm")) {
            model.addAttribute("informalForm", NO_INFORMAL_FORM);
        }
        return "reactivation/member";
    }

    @PostMapping(BASE + "/{id}/dokumen")
    String documents(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                     @RequestParam(required = false) List<String> document, HttpServletRequest request,
                     HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UUID memberId = memberId(id);
        List<String> brought = document == null ? List.of() : document;
        try {
            reactivations.recordDocuments(officer(account, request), memberId, brought.contains("KTP"),
                    brought.contains("KK"), brought.contains("OLD_CARD"));
        } catch (InvalidValue e) {
            return refusedOnPage(e, account, memberId, request, response, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.documents.recorded");
        return "redirect:" + BASE + "/" + memberId;
    }

    /** A scan of the KTP or KK brought; the CSRF token comes in the query (multipart, as the activation wizard). */
    @PostMapping(BASE + "/{id}/pindaian")
    String scan(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                @RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect)
            throws java.io.IOException {
        UUID memberId = memberId(id);
        try {
            DocumentKind documentKind = DocumentKind.parse(kind).orElseThrow(() -> new InvalidValue("document.kind"));
            if (file == null || file.isEmpty()) {
                throw new InvalidValue("document.empty");
            }
            reactivations.attachScan(officer(account, request), memberId, documentKind, file.getBytes());
        } catch (InvalidValue e) {
            return refusedOnPage(e, account, memberId, request, response, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.scan.attached");
        return "redirect:" + BASE + "/" + memberId;
    }

    @PostMapping(BASE + "/{id}/data")
    String detail(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                  @RequestParam(required = false) String field, @RequestParam(required = false) String value,
                  @RequestParam(required = false) String reason, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UUID memberId = memberId(id);
        try {
            reactivations.updateDetail(officer(account, request), memberId, field(field), value, reason);
        } catch (InvalidValue e) {
            model.addAttribute("typed", Map.of("field", blank(field), "value", blank(value), "reason", blank(reason)));
            return refusedOnPage(e, account, memberId, request, response, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.detail.updated");
        return "redirect:" + BASE + "/" + memberId;
    }

    @GetMapping(BASE + "/{id}/penawaran.pdf")
    ResponseEntity<byte[]> quote(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                                 HttpServletRequest request, Locale locale) {
        UUID memberId = memberId(id);
        Reactivations.Quote quote = reactivations.quote(memberId, reactivations.today())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(new AuditEntry(account.id(), account.email(), "REACTIVATION_QUOTE_PRINTED", "MEMBER",
                memberId.toString(), request.getRemoteAddr(), AuditOutcome.SUCCESS,
                Map.of("total", Long.toString(quote.arrears().total().value()))));
        byte[] pdf = quotePdf.render(quote, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("penawaran-reaktivasi-" + quote.member().member().kpj() + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping(BASE + "/{id}/aktifkan")
    String reactivate(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                      HttpServletRequest request, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        UUID memberId = memberId(id);
        Outcome outcome = reactivations.reactivateAtBranch(officer(account, request), memberId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (outcome != Outcome.REACTIVATED) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", "reactivation.refused." + outcome.name());
            return member(account, id, null, request, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.done");
        return "redirect:" + BASE + "/" + memberId;
    }

    @PostMapping(BASE + "/{id}/pemberi-kerja-baru")
    String newEmployer(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                       @RequestParam(required = false) String npp, @RequestParam(required = false) String startDate,
                       @RequestParam(required = false) String wage, @RequestParam(required = false) String jobTitle,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        UUID memberId = memberId(id);
        Optional<Outcome> outcome;
        try {
            outcome = reactivations.reactivateWithNewEmployer(officer(account, request), memberId,
                    new Reactivations.NewEmployer(npp, startDate, wage, jobTitle));
        } catch (InvalidValue e) {
            model.addAttribute("employerForm", Map.of("npp", blank(npp), "startDate", blank(startDate),
                    "wage", blank(wage), "jobTitle", blank(jobTitle)));
            return refusedOnPage(e, account, memberId, request, response, model);
        }
        return reactivated(outcome, account, id, request, response, model, redirect);
    }

    @PostMapping(BASE + "/{id}/bpu")
    String nowInformal(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id,
                       @RequestParam(required = false) String occupation,
                       @RequestParam(required = false) String location,
                       @RequestParam(required = false) String declaredIncome,
                       @RequestParam(required = false) String jht, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect) {
        UUID memberId = memberId(id);
        Optional<Outcome> outcome;
        try {
            outcome = reactivations.reactivateAsInformal(officer(account, request), memberId,
                    new Reactivations.NowInformal(occupation, location, declaredIncome, jht != null));
        } catch (InvalidValue e) {
            model.addAttribute("informalForm", Map.of("occupation", blank(occupation), "location", blank(location),
                    "declaredIncome", blank(declaredIncome), "jht", jht != null));
            return refusedOnPage(e, account, memberId, request, response, model);
        }
        return reactivated(outcome, account, id, request, response, model, redirect);
    }

    private String reactivated(Optional<Outcome> found, SignedInAccount account, String id,
                               HttpServletRequest request, HttpServletResponse response, Model model,
                               RedirectAttributes redirect) {
        Outcome outcome = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (outcome != Outcome.REACTIVATED) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", "reactivation.refused." + outcome.name());
            return member(account, id, null, request, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.done");
        return "redirect:" + BASE + "/" + id;
    }

    private String refusedOnPage(InvalidValue e, SignedInAccount account, UUID memberId, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        if (e.messageKey().equals("member.not-found")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        refused(e, response, model);
        return member(account, memberId.toString(), null, request, model);
    }

    private static void refused(InvalidValue e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArguments", e.arguments());
    }

    private static MemberField field(String typed) {
        try {
            return MemberField.valueOf(typed == null ? "" : typed);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("member.detail.field");
        }
    }

    /** An id from a URL; anything that is not one is as unknown as a missing member. */
    static UUID memberId(String typed) {
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Officer officer(SignedInAccount account, HttpServletRequest request) {
        return new Officer(account.id(), account.email(), request.getRemoteAddr());
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
