package id.jamsos.contribution.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code java -jar jamsos.jar billing run --period 2025-03}: the operator starts (or resumes) a month's billing. */
@Component
class BillingCommand implements Command {

    private final BillingRun run;
    private final Clock clock;

    BillingCommand(BillingRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "billing run";
    }

    @Override
    public String usage() {
        return "billing run --period YYYY-MM   bill wage earners and informal workers for a month (resumes a stopped run)";
    }

    @Override
    public int run(List<String> arguments, PrintWriter out) {
        Period period;
        try {
            period = period(arguments);
        } catch (InvalidValue e) {
            out.println("Usage: java -jar jamsos.jar " + usage());
            return 2;
        }
        try {
            BillingRun.Totals totals = run.run(period, BillingRun.BOTH, clock.instant(),
                    progress -> out.println(progress.line()));
            out.printf("Billed %s: %d bills, %d lines in %d chunks (%d already done) in %.1f s%n", period,
                    totals.bills(), totals.lines(), totals.chunks(), totals.skippedChunks(),
                    totals.elapsed().toMillis() / 1000.0);
            return 0;
        } catch (InvalidValue e) {
            out.println("Cannot bill " + period + ": no rates in force for it (" + e.messageKey() + ")");
            return 2;
        }
    }

    private static Period period(List<String> arguments) {
        if (arguments.size() == 2 && arguments.get(0).equals("--period")) {
            return Period.parse(arguments.get(1));
        }
        if (arguments.size() == 1 && arguments.get(0).startsWith("--period=")) {
            return Period.parse(arguments.get(0).substring("--period=".length()));
        }
        throw new InvalidValue("validation.period.format");
    }
}
