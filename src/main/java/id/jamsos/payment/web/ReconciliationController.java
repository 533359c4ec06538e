package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.payment.internal.Reconciliation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Rekonsiliasi harian" for officers ({@code /petugas/**}) and administrators ({@code /admin/**}). */
@Controller
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final AuditLog audit;
    private final Clock clock;

    ReconciliationController(Reconciliation reconciliation, AuditLog audit, Clock clock) {
        this.reconciliation = reconciliation;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping({"/petugas/pembayaran/rekonsiliasi", "/admin/pembayaran/rekonsiliasi"})
    String report(@AuthenticationPrincipal SignedInAccount account,
                  @RequestParam(name = "tanggal", required = false) String typed, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        LocalDate today = JakartaTime.today(clock);
        LocalDate day = today;
        if (typed != null && !typed.isBlank()) {
            try {
                day = BranchForms.day(typed, today);
            } catch (InvalidValue e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("error", e.messageKey());
            }
        }
        audit.record(new AuditEntry(account.id(), account.email(), "PAYMENT_RECONCILIATION_VIEWED", "DAY",
                day.toString(), request.getRemoteAddr(), AuditOutcome.SUCCESS, Map.of()));
        model.addAttribute("report", reconciliation.of(day));
        model.addAttribute("action", request.getRequestURI());
        return "payment/reconciliation";
    }
}
