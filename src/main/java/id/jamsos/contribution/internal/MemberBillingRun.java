package id.jamsos.contribution.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.contribution.Billing;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.ContributionRule;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenaltyRule;
import id.jamsos.contribution.RatesInForce;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The BPU part of {@link BillingRun} for one member: the same participants query, contribution rule, due date and
 * bill lines, so a member enrolled again after the run of the 1st (RULES.md §4: a reactivated BPU member continues
 * with the same KPJ) owes that month like everyone else. The unique bill per (member, period) keeps it idempotent
 * against the monthly run and itself.
 */
@Service
class MemberBillingRun implements Billing {

    private static final Logger log = LoggerFactory.getLogger(MemberBillingRun.class);

    private final Contributions contributions;
    private final Calendar calendar;
    private final BillingStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    MemberBillingRun(Contributions contributions, Calendar calendar, BillingStore store, JdbcClient jdbc,
                     Clock clock) {
        this.contributions = contributions;
        this.calendar = calendar;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean billMember(UUID memberId, Period period) {
        Optional<BillingStore.Participant> found = store.participant(period, memberId);
        if (found.isEmpty()) {
            return false;
        }
        BillingStore.Participant participant = found.get();
        RatesInForce rates = contributions.ratesFor(period);
        Contribution contribution;
        try {
            contribution = ContributionRule.informal(rates, participant.declaredIncome(), participant.programs());
        } catch (InvalidValue e) {
            // As in the monthly run: the bounds changed since the member declared; they must declare again (§3).
            log.warn("BPU member {} not billed for {}: declared income {} outside the bounds in force", memberId,
                    period, participant.declaredIncome().formatted());
            return false;
        }
        Instant at = clock.instant();
        store.ensurePartition(period);
        // Billed, so the rates in force for the period can no longer change (as BillingRun.run records it).
        jdbc.sql("INSERT INTO contribution.billed_period (period, billed_at) VALUES (:period, :at) ON CONFLICT DO NOTHING")
                .param("period", period.toString()).param("at", Timestamp.from(at)).update();
        LocalDate due = LatePenaltyRule.dueDate(Category.BPU, period, calendar.workingDays());
        Long billId = store.insertBills(period, Category.BPU, due, at,
                List.of(BillingStore.NewBill.member(memberId).add(contribution))).get(memberId);
        if (billId == null) {
            return false; // billed already, by the monthly run or an earlier call
        }
        BillLineCopy copy = store.copy();
        try {
            BillingRun.write(copy, period, billId, memberId, contribution, BillingRun.owedShares(rates, Category.BPU));
            copy.finish();
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
        log.info("BPU member {} billed for {} outside the monthly run (bill {})", memberId, period, billId);
        return true;
    }
}
