package id.jamsos.ledger.internal;

import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's ledger commands. */
@Configuration(proxyBeanMethods = false)
class LedgerCommands {

    /** {@code java -jar jamsos.jar ledger check}: exit 1 when any balance or total disagrees. */
    @Bean
    Command ledgerCheckCommand(LedgerCheck check) {
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
                out.println(differences.isEmpty() ? "Ledger consistent." : differences.size() + " difference(s).");
                return differences.isEmpty() ? 0 : 1;
            }
        };
    }
}
