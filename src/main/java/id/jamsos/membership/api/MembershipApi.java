package id.jamsos.membership.api;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.document.DocumentKind;
import id.jamsos.document.Documents;
import id.jamsos.membership.internal.Activation;
import id.jamsos.membership.internal.Address;
import id.jamsos.membership.internal.Work;
import id.jamsos.membership.internal.WorkInput;
import id.jamsos.membership.internal.Draft;
import id.jamsos.membership.internal.IdentityInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import id.jamsos.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activation journey for the mobile app: the same rules and messages as the web wizard, as JSON. Signed in with
 * the web session for now (send the CSRF token in {@code X-CSRF-TOKEN}); errors are RFC 9457 problem details whose
 * {@code errors} name each refused field with a message in the caller's language (the {@code JAMSOS_LANG} cookie or
 * {@code ?lang=en}; Indonesian by default).
 */
@RestController
@RequestMapping("/api/v1/membership")
@Tag(name = "Membership", description = "Online activation and the member's card")
class MembershipApi {

    static final URI INVALID = URI.create("https://jamsos.id/problems/invalid-input");
    static final URI NOT_FOUND = URI.create("https://jamsos.id/problems/not-found");

    record ApplicationView(String status, String maskedNik, String maskedKk, String fullName, String birthPlace,
                           String birthDate, String gender, String motherMaidenName, AddressView address,
                           String mobileNumber, String email, WorkView work, List<QuoteLine> monthlyContribution,
                           String decisionDue, List<String> missing) {
    }

    /** Step 2 as saved; amounts in whole rupiah. */
    record WorkView(String category, String employerNpp, String employerName, String jobTitle, String startDate,
                    Long monthlyWage, String occupation, String workLocation, Long declaredIncome,
                    List<String> programs) {
    }

    /** One program's monthly shares in whole rupiah; {@code employer} is null where it depends on the risk class. */
    record QuoteLine(String program, Long employer, long worker) {
    }

    /** Codes of the current Kemendagri list with their names, as chosen in step 1. */
    record AddressView(String province, String provinceName, String regency, String regencyName, String district,
                       String districtName, String street, String rt, String rw) {
    }

    record Submission(Boolean consent) {
    }

    record Card(String fullName, String kpj, String category, List<String> programs, String status,
                String memberSince, String verifyUrl) {
    }

    private final Activation activation;
    private final Documents documents;
    private final MessageSource messages;
    private final PublicAddress site;

    MembershipApi(Activation activation, Documents documents, MessageSource messages, PublicAddress site) {
        this.activation = activation;
        this.documents = documents;
        this.messages = messages;
        this.site = site;
    }

    @Operation(summary = "The open application of the signed-in member, with what is still missing")
    @GetMapping("/application")
    ResponseEntity<?> application(@AuthenticationPrincipal SignedInAccount member, Locale locale) {
        return activation.openApplication(memberOnly(member).id())
                .<ResponseEntity<?>>map(draft -> ResponseEntity.ok(view(draft, member)))
                .orElseGet(() -> notFound(locale));
    }

    @Operation(summary = "Save step 1, identity (creates the draft)")
    @PutMapping("/application/identity")
    ResponseEntity<?> identity(@AuthenticationPrincipal SignedInAccount member, @RequestBody IdentityInput input,
                               HttpServletRequest request, Locale locale) {
        memberOnly(member);
        IdentityInput.Checked checked = input.check(activation.today());
        if (!checked.valid()) {
            return invalid(checked.errors(), locale);
        }
        try {
            activation.saveIdentity(member.id(), checked.identity(), request.getRemoteAddr());
        } catch (InvalidValue e) {
            return invalid(Map.of("nik", e), locale);
        }
        return ResponseEntity.ok(view(activation.openApplication(member.id()).orElseThrow(), member));
    }

    @Operation(summary = "Save step 2, work: PU (employer, job, start, monthly wage) or BPU (occupation, place,"
            + " declared income, jht); the answer carries the monthly contribution")
    @PutMapping("/application/work")
    ResponseEntity<?> work(@AuthenticationPrincipal SignedInAccount member, @RequestBody WorkInput input,
                           HttpServletRequest request, Locale locale) {
        memberOnly(member);
        WorkInput.Checked checked = input.check(activation.today());
        if (!checked.valid()) {
            return invalid(checked.errors(), locale);
        }
        try {
            activation.saveWork(member.id(), checked.work(), request.getRemoteAddr());
        } catch (InvalidValue e) {
            return invalid(Map.of(Activation.aboutTheApplication(e) ? "application"
                    : checked.work().basisField(), e), locale);
        }
        return ResponseEntity.ok(view(activation.openApplication(member.id()).orElseThrow(), member));
    }

    @Operation(summary = "Upload a document (KTP or KK) as the raw request body: JPEG, PNG or PDF, at most 5 MB")
    @PutMapping("/application/documents/{kind}")
    ResponseEntity<?> document(@AuthenticationPrincipal SignedInAccount member, @PathVariable String kind,
                               @RequestBody(required = false) byte[] content, Locale locale) {
        memberOnly(member);
        DocumentKind documentKind = DocumentKind.parse(kind).orElse(null);
        if (documentKind == null) {
            return invalid(Map.of("kind", new InvalidValue("document.kind")), locale);
        }
        try {
            documents.store(member.id(), documentKind, content == null ? new byte[0] : content);
        } catch (InvalidValue e) {
            return invalid(Map.of("file", e), locale);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Send the application, with consent to the processing of personal data (UU 27/2022)")
    @PostMapping("/application/submission")
    ResponseEntity<?> submit(@AuthenticationPrincipal SignedInAccount member, @RequestBody Submission submission,
                             HttpServletRequest request, Locale locale) {
        memberOnly(member);
        try {
            activation.submit(member.id(), member.email(), locale, Boolean.TRUE.equals(submission.consent()),
                    request.getRemoteAddr());
        } catch (InvalidValue e) {
            return invalid(Map.of(e.messageKey().equals("membership.submit.consent") ? "consent" : "application", e),
                    locale);
        }
        return activation.openApplication(member.id())
                .<ResponseEntity<?>>map(draft -> ResponseEntity.ok(view(draft, member)))
                .orElseGet(() -> notFound(locale));
    }

    @Operation(summary = "The member's card: KPJ, category, programs, status, member since, and the address its QR code holds")
    @GetMapping("/card")
    ResponseEntity<?> card(@AuthenticationPrincipal SignedInAccount member, Locale locale) {
        return activation.membership(memberOnly(member).id())
                .<ResponseEntity<?>>map(m -> ResponseEntity.ok(new Card(m.fullName(), m.kpj(),
                        m.category() == null ? null : m.category().name(), m.programs(), m.status(),
                        m.activatedOn().toString(), site.link("/verify/" + m.verifyToken()))))
                .orElseGet(() -> notFound(locale));
    }

    private ApplicationView view(Draft draft, SignedInAccount member) {
        return new ApplicationView(draft.status(), draft.maskedNik(), draft.maskedKk(), draft.fullName(),
                draft.birthPlace(), draft.birthDate() == null ? null : draft.birthDate().toString(),
                draft.gender() == null ? null : draft.gender().name(), draft.motherMaidenName(), address(draft.address()),
                draft.mobileNumber(), member.email(), work(draft.work()), quote(draft.work()),
                draft.decisionDue() == null ? null : draft.decisionDue().toString(), activation.missing(member.id()));
    }

    private static WorkView work(Work w) {
        return w == null ? null : new WorkView(w.category().name(),
                w.employerNpp() == null ? null : w.employerNpp().value(), w.employerName(), w.jobTitle(),
                w.startDate() == null ? null : w.startDate().toString(),
                w.monthlyWage() == null ? null : w.monthlyWage().value(), w.occupation(), w.workLocation(),
                w.declaredIncome() == null ? null : w.declaredIncome().value(), w.programs());
    }

    /** The monthly contribution of the saved work, when quotes are offered and the amount is still accepted. */
    private List<QuoteLine> quote(Work work) {
        if (work == null) {
            return null;
        }
        try {
            return activation.quote(work).map(q -> q.lines().stream().map(l -> new QuoteLine(l.program(),
                    l.employer() == null ? null : l.employer().value(), l.worker().value())).toList()).orElse(null);
        } catch (InvalidValue e) { // the rates changed since step 2 was saved; PUT /work names the bounds
            return null;
        }
    }

    private static AddressView address(Address a) {
        return a == null ? null : new AddressView(a.provinceCode(), a.provinceName(), a.regencyCode(), a.regencyName(),
                a.districtCode(), a.districtName(), a.street(), a.rt(), a.rw());
    }

    private ResponseEntity<ProblemDetail> invalid(Map<String, InvalidValue> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("form.errors.title", null, locale));
        problem.setType(INVALID);
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach((field, e) -> fields.put(field, messages.getMessage(e.messageKey(), e.arguments(), locale)));
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<ProblemDetail> notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("api.not-found", null, locale));
        problem.setType(NOT_FOUND);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private static SignedInAccount memberOnly(SignedInAccount account) {
        if (account == null || !account.is(Role.MEMBER)) {
            throw new AccessDeniedException("members only");
        }
        return account;
    }
}
