package id.jamsos.membership.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Text;
import id.jamsos.document.DocumentKind;
import id.jamsos.document.StoredDocument;
import id.jamsos.membership.internal.ApplicationView;
import id.jamsos.membership.internal.QueueItem;
import id.jamsos.membership.internal.Verification;
import id.jamsos.membership.MemberCategory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officers' verification queue ({@code /petugas/**} is for officers only, see the security rules). */
@Controller
class VerificationController {

    static final List<String> REASONS = List.of("DOCUMENT_UNREADABLE", "DATA_MISMATCH", "NOT_ELIGIBLE", "DUPLICATE", "OTHER");

    private final Verification verification;

    VerificationController(Verification verification) {
        this.verification = verification;
    }

    /**
     * The queue, narrowed by {@code category} (PU, BPU) and {@code status} (SUBMITTED, IN_REVIEW) in the address, so
     * a view can be bookmarked. A value not on the list is answered 400 with a message, and that filter is left out.
     */
    @GetMapping("/petugas/aktivasi")
    String queue(@AuthenticationPrincipal SignedInAccount officer, @RequestParam(defaultValue = "0") String page,
                 @RequestParam(required = false) String category, @RequestParam(required = false) String status,
                 Model model, HttpServletResponse response) {
        int number = pageNumber(page);
        MemberCategory chosenCategory = Arrays.stream(MemberCategory.values()).filter(c -> c.name().equals(category))
                .findFirst().orElse(null);
        String chosenStatus = status != null && Verification.QueueFilter.STATUSES.contains(status) ? status : null;
        if ((!blank(category) && chosenCategory == null) || (!blank(status) && chosenStatus == null)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", "verification.filter.invalid");
        }
        List<QueueItem> items = verification.queue(officer.id(),
                new Verification.QueueFilter(chosenCategory, chosenStatus), number);
        model.addAttribute("items", items.subList(0, Math.min(items.size(), Verification.PAGE_SIZE)));
        model.addAttribute("page", number);
        model.addAttribute("hasNext", items.size() > Verification.PAGE_SIZE);
        model.addAttribute("category", chosenCategory == null ? null : chosenCategory.name());
        model.addAttribute("status", chosenStatus);
        model.addAttribute("categories", Arrays.asList(MemberCategory.values()));
        model.addAttribute("statuses", Verification.QueueFilter.STATUSES);
        model.addAttribute("time", new JakartaTime());
        return "membership/queue";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @PostMapping("/petugas/aktivasi/{id}/klaim")
    String claim(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id, HttpServletRequest request,
                 RedirectAttributes redirect) {
        Verification.Result result = verification.claim(id, officer(officer, request));
        if (result != Verification.Result.DONE) {
            redirect.addFlashAttribute("error", "verification." + result.name());
            return "redirect:/petugas/aktivasi";
        }
        return "redirect:/petugas/aktivasi/" + id;
    }

    @GetMapping("/petugas/aktivasi/{id}")
    String application(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id,
                       HttpServletRequest request, Model model) {
        ApplicationView view = verification.view(id, officer(officer, request))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("submitted", view); // not "application": Thymeleaf reserves that name for the servlet context
        model.addAttribute("mine", officer.id().equals(view.claimedBy()) && "IN_REVIEW".equals(view.status()));
        model.addAttribute("reasons", REASONS);
        model.addAttribute("correctable", Verification.CORRECTABLE);
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("time", new JakartaTime());
        return "membership/application";
    }

    @GetMapping("/petugas/aktivasi/{id}/dokumen/{kind}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id,
                                    @PathVariable String kind, HttpServletRequest request) {
        Optional<StoredDocument> document = DocumentKind.parse(kind).flatMap(k -> verification.document(id, k, officer(officer, request)));
        if (document.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return DocumentResponses.of(document.get());
    }

    /** The document as an image for the application page: a PDF's first page rendered on the server. */
    @GetMapping("/petugas/aktivasi/{id}/dokumen/{kind}/pratinjau")
    ResponseEntity<byte[]> preview(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id,
                                   @PathVariable String kind, HttpServletRequest request) {
        Optional<StoredDocument> document = DocumentKind.parse(kind).flatMap(k -> verification.document(id, k, officer(officer, request)));
        if (document.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return DocumentResponses.preview(document.get());
    }

    @PostMapping("/petugas/aktivasi/{id}/setujui")
    String approve(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return decided(verification.approve(id, officer(officer, request)), "verification.approved", redirect);
    }

    @PostMapping("/petugas/aktivasi/{id}/tolak")
    String reject(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id,
                  @RequestParam(name = "reason", required = false) String reason,
                  @RequestParam(name = "note", required = false) String note, HttpServletRequest request,
                  RedirectAttributes redirect) {
        String cleanNote = note == null ? "" : note.strip();
        if (!REASONS.contains(reason) || cleanNote.length() > 1000 || Text.hasBrokenCharacters(cleanNote)) {
            redirect.addFlashAttribute("error", "verification.reason-invalid");
            return "redirect:/petugas/aktivasi/" + id;
        }
        return decided(verification.reject(id, officer(officer, request), reason, cleanNote.isEmpty() ? null : cleanNote),
                "verification.rejected", redirect);
    }

    @PostMapping("/petugas/aktivasi/{id}/perbaiki")
    String requestChanges(@AuthenticationPrincipal SignedInAccount officer, @PathVariable UUID id,
                          @RequestParam(name = "field", required = false) List<String> fields,
                          @RequestParam(name = "message", required = false) String message, HttpServletRequest request,
                          RedirectAttributes redirect) {
        String cleanMessage = message == null ? "" : message.strip();
        if (fields == null || fields.isEmpty() || !Verification.CORRECTABLE.containsAll(fields) || cleanMessage.isEmpty()
                || cleanMessage.length() > 1000 || Text.hasBrokenCharacters(cleanMessage)) {
            redirect.addFlashAttribute("error", "verification.changes-invalid");
            return "redirect:/petugas/aktivasi/" + id;
        }
        return decided(verification.requestChanges(id, officer(officer, request), List.copyOf(new java.util.LinkedHashSet<>(fields)),
                cleanMessage), "verification.changes-sent", redirect);
    }

    private static String decided(Verification.Result result, String notice, RedirectAttributes redirect) {
        if (result == Verification.Result.DONE) {
            redirect.addFlashAttribute("notice", notice);
        } else {
            redirect.addFlashAttribute("error", "verification." + result.name());
        }
        return "redirect:/petugas/aktivasi";
    }

    private static Verification.Officer officer(SignedInAccount officer, HttpServletRequest request) {
        return new Verification.Officer(officer.id(), officer.fullName(), officer.email(), request.getRemoteAddr());
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
