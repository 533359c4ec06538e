package id.jamsos.employer.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.employer.internal.WageReports;
import id.jamsos.employer.internal.WageReports.ReportedWage;
import id.jamsos.membership.Member;
import id.jamsos.membership.Members;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Upah saya": a member sees, month by month, the wage each employer reported for them, and at once where a month is
 * lower than the one before. Only their own: the member is the signed-in account's, never an id from the URL.
 */
@Controller
class MemberWagesController {

    private final Members members;
    private final WageReports reports;

    MemberWagesController(Members members, WageReports reports) {
        this.members = members;
        this.reports = reports;
    }

    @GetMapping("/kepesertaan/upah")
    String wages(@AuthenticationPrincipal SignedInAccount account,
                 @RequestParam(name = "halaman", defaultValue = "0") String page, Model model) {
        Member member = members.byAccount(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int shown = Pages.number(page);
        List<ReportedWage> rows = reports.wagesOf(member.id(), shown);
        List<ReportedWage> wages = rows.stream().limit(WageReports.PAGE_SIZE).toList();
        model.addAttribute("wages", wages);
        model.addAttribute("lowerMonths", wages.stream().filter(ReportedWage::lowerThanMonthBefore).toList());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", rows.size() > WageReports.PAGE_SIZE);
        return "employer/member-wages";
    }
}
