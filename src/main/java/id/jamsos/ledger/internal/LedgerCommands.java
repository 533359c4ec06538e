package id.jamsos.ledger.internal;

import id.jamsos.platform.Command;
import java.io.PrintWriter;
import id.jamsos.common.InvalidValue;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's ledger commands. */
@Configuration(proxyBeanMethods = false)
class LedgerCommands {

    /** {@code java -jar jamsos.jar ledger check}: exit 1 when any balance or total disagrees. */
    @Bean
    Command ledgerCheckCommand(LedgerCheck check, PostingQueue queue) {
        return new Command() {
            @Override
            public String name() {
                return "ledger check";
            }

            @Override
            public String usage() {
                return "ledger check                 compare cached balances with the journal and fund totals with members";
            }

            @Override
            public int run(List<String> arguments, PrintWriter out) {
                List<String> differences = check.differences();
                differences.forEach(out::println);
                PostingQueue.Backlog backlog = queue.backlog();
                out.printf("Settled bills waiting to be posted: %d (oldest %d s), %d failing.%n", backlog.bills(),
                        backlog.oldestSeconds(), backlog.failing());
                out.println(differences.isEmpty() ? "Ledger consistent." : differences.size() + " difference(s).");
                return differences.isEmpty() ? 0 : 1;
            }
        };
    }

    /** {@code java -jar jamsos.jar ledger yield --year 2025}: credits (or corrects) a year's yield; resumable. */
    @Bean
    Command ledgerYieldCommand(YieldCrediting crediting) {
        return new Command() {
            @Override
            public String name() {
                return "ledger yield";
            }

            @Override
            public String usage() {
                return "ledger yield --year YYYY       credit a year's JHT yield (resumes; a corrected rate posts the difference)";
            }

            @Override
            public int run(List<String> arguments, PrintWriter out) {
                int year;
                try {
                    year = Integer.parseInt(arguments.size() == 2 && arguments.get(0).equals("--year")
                            ? arguments.get(1) : arguments.size() == 1 ? arguments.get(0).replace("--year=", "") : "");
                } catch (NumberFormatException e) {
                    out.println("Usage: java -jar jamsos.jar " + usage());
                    return 2;
                }
                try {
                    YieldCrediting.Totals totals = crediting.credit(year);
                    out.printf("Yield %d: %d accounts credited, %d corrected, %d already done, Rp %d net, %d chunks"
                                    + " in %.1f s%n", year, totals.credited(), totals.corrected(), totals.unchanged(),
                            totals.amount(), totals.chunks(), totals.elapsed().toMillis() / 1000.0);
                    return 0;
                } catch (InvalidValue e) {
                    out.println("No yield rate for " + year + ": an administrator enters it at /admin/hasil-pengembangan");
                    return 2;
                }
            }
        };
    }
}
