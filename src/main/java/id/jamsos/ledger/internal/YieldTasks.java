package id.jamsos.ledger.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import id.jamsos.common.JakartaTime;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The yearly yield crediting on db-scheduler (one instance runs it): at 02:00 WIB on 1 January the previous year is
 * credited under the rate in force. A year without a rate yet is skipped (the operator runs {@code ledger yield}
 * once the rate is declared); the job is idempotent, so a repeated execution is harmless.
 */
@Configuration(proxyBeanMethods = false)
class YieldTasks {

    private static final Logger log = LoggerFactory.getLogger(YieldTasks.class);

    @Bean
    RecurringTask<Void> yearlyYield(YieldCrediting crediting, YieldRates rates, Clock clock) {
        return Tasks.recurring("ledger-yearly-yield", Schedules.cron("0 0 2 1 1 *", JakartaTime.ZONE))
                .execute((instance, context) -> {
                    int year = JakartaTime.today(clock).getYear() - 1;
                    if (rates.inForce(year).isEmpty()) {
                        log.warn("No JHT yield rate for {} yet: not credited", year);
                        return;
                    }
                    YieldCrediting.Totals totals = crediting.credit(year);
                    log.info("JHT yield {}: {} credited, {} corrected", year, totals.credited(), totals.corrected());
                });
    }
}
