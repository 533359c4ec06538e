package id.jamsos.audit.web;

import id.jamsos.audit.internal.AuditEvents;
import id.jamsos.audit.internal.AuditFilter;
import id.jamsos.common.JakartaTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the trail. Access to {@code /admin/**} is limited to administrators by the account module. */
@Controller
class AuditEventsController {

    private final AuditEvents events;

    AuditEventsController(AuditEvents events) {
        this.events = events;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
                @RequestParam(defaultValue = "1") int page, Model model) {
        AuditFilter filter = new AuditFilter(action, actor);
        model.addAttribute("filter", filter);
        model.addAttribute("page", events.page(filter, page));
        model.addAttribute("time", new JakartaTime());
        return "audit/events";
    }
}
