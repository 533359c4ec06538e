package id.jamsos.contribution.internal;

import id.jamsos.account.AccountDirectory;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.membership.Members;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data: once every module's demo data is in (the application is ready) and no bill exists yet, the demo member
 * (if activated) takes part as an informal worker and the last months are billed, so the arrears pages show open
 * bills and penalties for the demo employer administrator and member. Never under the {@code prod} profile; off in
 * the tests ({@code jamsos.demo-data.payers=false}), where a billed month would freeze its rates for every test.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = {"jamsos.demo-data.enabled", "jamsos.demo-data.payers"}, havingValue = "true",
        matchIfMissing = false)
class DemoBills {

    static final String DEMO_MEMBER = "bpu@demo.jamsos.test";

    private static final Logger log = LoggerFactory.getLogger(DemoBills.class);

    private final JdbcClient jdbc;
    private final BillingRun billing;
    private final InformalWorkers informalWorkers;
    private final AccountDirectory accounts;
    private final Members members;
    private final Clock clock;

    DemoBills(JdbcClient jdbc, BillingRun billing, InformalWorkers informalWorkers, AccountDirectory accounts,
              Members members, Clock clock) {
        this.jdbc = jdbc;
        this.billing = billing;
        this.informalWorkers = informalWorkers;
        this.accounts = accounts;
        this.members = members;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM contribution.bill)").query(Boolean.class).single()) {
            return;
        }
        Period month = Period.of(JakartaTime.today(clock));
        Period first = month.plusMonths(-2);
        accounts.byEmail(DEMO_MEMBER).flatMap(account -> members.byAccount(account.id())).ifPresent(member ->
                informalWorkers.enrol(member.id(), Rupiah.of(2_500_000), Set.of(Program.JHT), first));
        for (Period period = first; period.isBefore(month); period = period.next()) {
            billing.run(period, EnumSet.of(Category.PU), clock.instant(), p -> { });
        }
        for (Period period = first; !period.isAfter(month); period = period.next()) {
            billing.run(period, EnumSet.of(Category.BPU), clock.instant(), p -> { });
        }
        log.info("Demo data: bills for {} to {} issued (arrears at /tunggakan)", first, month);
    }
}
