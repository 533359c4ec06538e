package id.jamsos.contribution.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.Category;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contribution jobs on db-scheduler (cluster-safe: one instance runs each execution). At the start of month M
 * (RULES.md §4): the wage earners' bills of M−1 (due on the 15th of M) and the informal workers' bills of M (due on
 * the 15th of M). Every night: penalty accrual, then BPU lapse. Each job is idempotent, so a missed or repeated
 * execution is harmless; tests switch the scheduler off ({@code db-scheduler.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
class BillingTasks {

    private static final Logger log = LoggerFactory.getLogger(BillingTasks.class);

    @Bean
    RecurringTask<Void> monthlyBilling(BillingRun run, Clock clock) {
        return Tasks.recurring("contribution-monthly-billing", Schedules.cron("0 0 1 1 * *", JakartaTime.ZONE))
                .execute((instance, context) -> {
                    Period month = Period.of(JakartaTime.today(clock));
                    run.run(month.previous(), EnumSet.of(Category.PU), clock.instant(), p -> { });
                    BillingRun.Totals totals = run.run(month, EnumSet.of(Category.BPU), clock.instant(), p -> { });
                    log.info("Monthly billing done: PU {}, BPU {} ({} bills)", month.previous(), month, totals.bills());
                });
    }

    @Bean
    RecurringTask<Void> dailyArrears(PenaltyAccrual accrual, BpuLapses lapses, Clock clock) {
        return Tasks.recurring("contribution-daily-arrears", Schedules.daily(JakartaTime.ZONE, LocalTime.of(0, 30)))
                .execute((instance, context) -> {
                    LocalDate today = JakartaTime.today(clock);
                    int lines = accrual.accrue(today);
                    int lapsed = lapses.lapse(today);
                    log.info("Arrears {}: {} penalty lines, {} BPU members lapsed", today, lines, lapsed);
                });
    }
}
