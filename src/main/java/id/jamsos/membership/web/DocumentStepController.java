package id.jamsos.membership.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Text;
import id.jamsos.document.DocumentKind;
import id.jamsos.document.Documents;
import id.jamsos.document.StoredDocument;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Step 3 of "Aktivasi": a photo or scan of the KTP and of the KK. A document is addressed by its kind under the
 * signed-in account, never by an id, so nobody reaches another member's document by changing a URL.
 */
@Controller
class DocumentStepController {

    private final Documents documents;

    DocumentStepController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/aktivasi/dokumen")
    String form(@AuthenticationPrincipal SignedInAccount member,
                @RequestParam(name = "terlalu-besar", required = false) String tooLarge, Model model) {
        if (tooLarge != null) { // sent back by UploadLimit
            model.addAttribute("error", "document.too-large");
            model.addAttribute("errorArguments", new Object[] {Documents.MAX_BYTES / (1024 * 1024)});
        }
        return page(DocumentResponses.memberOnly(member), model);
    }

    @PostMapping("/aktivasi/dokumen")
    String upload(@AuthenticationPrincipal SignedInAccount member,
                  @RequestParam(name = "kind", required = false) String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        DocumentResponses.memberOnly(member);
        Optional<DocumentKind> documentKind = DocumentKind.parse(kind);
        try {
            if (documentKind.isEmpty()) {
                throw new InvalidValue("document.kind");
            }
            if (file == null || file.isEmpty()) {
                throw new InvalidValue("document.empty");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            if (name.contains("..") || name.contains("/") || name.contains("\\") || Text.hasBrokenCharacters(name)) {
                // The name is never used, but one built to climb directories says what the sender is up to.
                throw new InvalidValue("document.name");
            }
            documents.store(member.id(), documentKind.get(), file.getBytes());
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("errorKind", documentKind.map(Enum::name).orElse(null));
            return page(member, model);
        }
        redirect.addFlashAttribute("notice", "membership.documents.saved." + documentKind.get().name());
        return "redirect:/aktivasi/dokumen";
    }

    /** The owner's own document: images shown inline, PDFs downloaded; sandboxed either way. */
    @GetMapping("/aktivasi/dokumen/{kind}")
    ResponseEntity<byte[]> show(@AuthenticationPrincipal SignedInAccount member, @PathVariable String kind) {
        DocumentResponses.memberOnly(member);
        Optional<StoredDocument> document = DocumentKind.parse(kind).flatMap(k -> documents.latest(member.id(), k));
        if (document.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return DocumentResponses.of(document.get());
    }

    private String page(SignedInAccount member, Model model) {
        Map<String, String> stored = new HashMap<>(); // kind → content type of the newest upload
        documents.stored(member.id()).forEach((kind, type) -> stored.put(kind.name(), type));
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("stored", stored);
        return "membership/documents";
    }

}
