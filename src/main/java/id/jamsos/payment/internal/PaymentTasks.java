package id.jamsos.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import id.jamsos.common.JakartaTime;
import java.time.Clock;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every night after the contribution jobs (01:00 billing, 00:30 arrears): credits are used by the bills issued. */
@Configuration(proxyBeanMethods = false)
class PaymentTasks {

    private static final Logger log = LoggerFactory.getLogger(PaymentTasks.class);

    @Bean
    RecurringTask<Void> dailyCredits(Credits credits, Clock clock) {
        return Tasks.recurring("payment-daily-credits", Schedules.daily(JakartaTime.ZONE, LocalTime.of(2, 0)))
                .execute((instance, context) -> {
                    int settled = credits.applyAll(JakartaTime.today(clock));
                    log.info("Credits applied: {} bills settled", settled);
                });
    }
}
