package id.jamsos.reactivation.internal;

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

/**
 * The reminders every morning at 07:00 WIB, after the night's arrears job, when people read their mail. Idempotent
 * (once per bill, member and kind), so a repeated or late execution sends nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTasks {

    private static final Logger log = LoggerFactory.getLogger(ReminderTasks.class);

    @Bean
    RecurringTask<Void> dailyReminders(Reminders reminders, Clock clock) {
        return Tasks.recurring("reactivation-daily-reminders", Schedules.daily(JakartaTime.ZONE, LocalTime.of(7, 0)))
                .execute((instance, context) -> log.info("Reminders: {} e-mails queued",
                        reminders.send(JakartaTime.today(clock))));
    }
}
