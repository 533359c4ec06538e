package id.jamsos.employer.internal;

import id.jamsos.account.AccountDirectory;
import id.jamsos.common.JakartaTime;
import id.jamsos.membership.Members;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (never in prod): an employer, administered by the demo employer administrator, employing the two demo
 * wage earners since the start of the month before last, so the demo has PU bills and wage history.
 */
@Component
@Order(20)
@Profile("!prod")
@ConditionalOnProperty(name = {"jamsos.demo-data.enabled", "jamsos.demo-data.payers"}, havingValue = "true")
class DemoEmployer implements ApplicationRunner {

    record Worker(String email, String wage, String jobTitle) {
    }

    static final List<Worker> WORKERS = List.of(new Worker("pekerja@demo.jamsos.test", "8.500.000", "Operator produksi"),
            new Worker("pekerja2@demo.jamsos.test", "12.000.000", "Supervisor gudang"));

    private static final Logger log = LoggerFactory.getLogger(DemoEmployer.class);

    private final JdbcClient jdbc;
    private final Employers employers;
    private final Employments employments;
    private final AccountDirectory accounts;
    private final Members members;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoEmployer(JdbcClient jdbc, Employers employers, Employments employments, AccountDirectory accounts,
                 Members members, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.employers = employers;
        this.employments = employments;
        this.accounts = accounts;
        this.members = members;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM employer.employer)").query(Boolean.class).single()) {
            return;
        }
        AccountDirectory.KnownAccount admin = accounts.byEmail("admin@demo.jamsos.test").orElseThrow();
        Actor actor = new Actor(admin.id(), admin.email(), "127.0.0.1");
        LocalDate start = JakartaTime.today(clock).withDayOfMonth(1).minusMonths(2);
        transactions.executeWithoutResult(status -> {
            long employer = employers.register(actor, "12345678", "PT Nusantara Sejahtera (demo)",
                    "Jl. Asia Afrika No. 8, Bandung", "2");
            employers.linkAdministrator(actor, employer, "pemberi-kerja@demo.jamsos.test");
            for (Worker worker : WORKERS) {
                accounts.byEmail(worker.email()).flatMap(account -> members.byAccount(account.id()))
                        .ifPresent(member -> employments.join(actor, employer, member.kpj(), start.toString(),
                                worker.wage(), worker.jobTitle()));
            }
        });
        log.info("Demo data: employer NPP 12345678 with {} workers since {}", WORKERS.size(), start);
    }
}
