package id.jamsos.notification.web;

import id.jamsos.common.JakartaTime;
import id.jamsos.notification.internal.Outbox;
import id.jamsos.notification.internal.OutboxEmail;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Outside production: the outbox as a mailbox, so a newcomer without SMTP can open the verification link. Access to
 * {@code /dev/**} is limited to administrators by the account module; under {@code prod} this page does not exist.
 */
@Controller
@Profile("!prod")
class MailboxController {

    private static final int PAGE_SIZE = 20;

    private final Outbox outbox;

    MailboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/dev/mailbox")
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        int number = Math.max(1, Math.min(page, 100_000));
        List<OutboxEmail> rows = outbox.newest((number - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("emails", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("pageNumber", number);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("time", new JakartaTime());
        return "notification/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("email", outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("time", new JakartaTime());
        return "notification/email";
    }
}
