package id.jamsos.reactivation.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.UnpaidBill;
import id.jamsos.employer.MemberEmployment;
import id.jamsos.employer.Workforce;
import id.jamsos.reactivation.internal.Reactivations.FormerEmployerArrears;
import id.jamsos.reactivation.internal.Reactivations.FormerEmployerMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * For a wage earner's reactivation quote, what their former employers still owe for months they worked there
 * (RULES.md §4: the employer pays both shares and the penalty). Information only: it never becomes the worker's debt
 * and never blocks a reactivation.
 */
@Component
class FormerEmployers {

    static final int MONTHS = 36;

    private final Bills bills;
    private final BillLines billLines;
    private final Workforce workforce;

    FormerEmployers(Bills bills, BillLines billLines, Workforce workforce) {
        this.bills = bills;
        this.billLines = billLines;
        this.workforce = workforce;
    }

    /**
     * Each former employer's unpaid bills of months within the worker's employment there, with the worker's lines on
     * each. Bounded: at most a hundred employments, and {@link #MONTHS} months per employer.
     */
    List<FormerEmployerArrears> of(UUID memberId, LocalDate asOf) {
        List<FormerEmployerArrears> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<MemberEmployment> employments = workforce.employmentsOf(memberId);
        for (MemberEmployment employment : employments) {
            if (employment.endDate() == null || !seen.add(employment.employerId())) {
                continue;
            }
            List<UnpaidBill> billed = bills.arrears(Payer.employer(employment.employerId()), asOf).bills().stream()
                    .filter(bill -> worked(employments, employment.employerId(), bill.period())).limit(MONTHS)
                    .toList();
            // Summed in the database: a large employer's bill carries thousands of lines, this worker's are a few.
            Map<Long, Rupiah> own = billLines.workerContributions(memberId,
                    billed.stream().map(UnpaidBill::billId).toList());
            List<FormerEmployerMonth> months = billed.stream().filter(bill -> own.containsKey(bill.billId()))
                    .map(bill -> new FormerEmployerMonth(bill.period(), bill.dueDate(), own.get(bill.billId()),
                            bill.monthsLate()))
                    .toList();
            if (!months.isEmpty()) {
                found.add(new FormerEmployerArrears(employment.employerName(), employment.npp(), months));
            }
        }
        return found;
    }

    private static boolean worked(List<MemberEmployment> employments, long employerId, Period period) {
        return employments.stream().anyMatch(e -> e.employerId() == employerId
                && !e.startDate().isAfter(period.lastDay())
                && (e.endDate() == null || !e.endDate().isBefore(period.firstDay())));
    }
}
