package id.jamsos.membership.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.membership.internal.Activation;
import id.jamsos.membership.internal.CardCheck;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import id.jamsos.platform.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import id.jamsos.membership.internal.Membership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Kepesertaan": the member's own membership — KPJ number, status, since when — or the way to apply. */
@Controller
class MembershipController {

    private final Activation activation;
    private final CardCheck cardCheck;
    private final Clock clock;
    private final MessageSource messages;
    private final PublicAddress site;

    private final CardPdf cardPdf;

    MembershipController(Activation activation, CardCheck cardCheck, Clock clock, MessageSource messages,
                         PublicAddress site, CardPdf cardPdf) {
        this.cardPdf = cardPdf;
        this.messages = messages;
        this.activation = activation;
        this.cardCheck = cardCheck;
        this.clock = clock;
        this.site = site;
    }

    /** The public page behind the card's QR code: a masked name, the status, and when it was checked. */
    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<CardCheck.Result> result = cardCheck.check(token);
        if (result.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("result", result.orElse(null));
        model.addAttribute("checkedAt", new JakartaTime().display(clock.instant()));
        return "membership/verify";
    }

    @GetMapping("/kepesertaan")
    String membership(@AuthenticationPrincipal SignedInAccount member, Model model, Locale locale) {
        Membership membership = activation.membership(DocumentResponses.memberOnly(member).id()).orElse(null);
        if (membership == null) {
            return "redirect:/aktivasi";
        }
        model.addAttribute("membership", membership);
        model.addAttribute("verifyUrl", site.link("/verify/" + membership.verifyToken()));
        model.addAttribute("qr", QrCode.svg(site.link("/verify/" + membership.verifyToken()),
                messages.getMessage("membership.card.qr", null, locale)));
        model.addAttribute("dates", new IndonesianDates());
        return "membership/membership";
    }

    /** The card as a PDF download: the signed-in member's own, never addressed by an id; 404 before approval. */
    @GetMapping("/kepesertaan/kartu.pdf")
    ResponseEntity<byte[]> cardPdf(@AuthenticationPrincipal SignedInAccount member, Locale locale) {
        Optional<Membership> membership = activation.membership(DocumentResponses.memberOnly(member).id());
        if (membership.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        byte[] pdf = cardPdf.render(membership.get(), site.link("/verify/" + membership.get().verifyToken()), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kartu-jamsos-" + membership.get().kpj() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }
}
