package id.jamsos.contribution.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.ContributionLine;
import id.jamsos.contribution.ContributionRule;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenaltyRule;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.RatesInForce;
import id.jamsos.employer.BillableWage;
import id.jamsos.employer.Workforce;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly billing run (RULES.md §2–§4): for a period, one bill per employer with one line per worker × program ×
 * party, and one bill per enrolled informal worker. The rates are read once; every worker's contribution comes from
 * {@link ContributionRule}. The run is cut into chunks, each its own transaction that first claims its chunk row, so
 * a rerun, a crash-restart or a second run at the same time never bills a payer twice (the unique bill per payer and
 * period makes sure of it as well).
 */
@Component
public class BillingRun {

    /** Called inside each chunk's transaction after its lines are written (tests use it to crash a chunk). */
    public interface ChunkHook {
        ChunkHook NONE = (category, chunk) -> { };

        void beforeCommit(Category category, long chunk);
    }

    public record Progress(Period period, Category category, long chunksDone, long chunksTotal, long bills, long lines,
                           Duration elapsed) {

        public long linesPerSecond() {
            long millis = Math.max(1, elapsed.toMillis());
            return lines * 1000 / millis;
        }

        public String line() {
            return String.format("billing %s %s: chunks %d/%d, bills %d, lines %d, %d lines/s", period, category,
                    chunksDone, chunksTotal, bills, lines, linesPerSecond());
        }
    }

    public record Totals(Period period, long chunks, long bills, long lines, long skippedChunks, Duration elapsed) {

        Totals plus(Totals other) {
            return new Totals(period, chunks + other.chunks, bills + other.bills, lines + other.lines,
                    skippedChunks + other.skippedChunks, elapsed.plus(other.elapsed));
        }
    }

    record ChunkDone(long bills, long lines) {
    }

    /** Informal workers are spread over this many buckets by a hash of their member id, one chunk each. */
    static final int BPU_BUCKETS = 16;

    private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

    private final Contributions contributions;
    private final Workforce workforce;
    private final Calendar calendar;
    private final BillingStore store;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final int employersPerChunk;
    private final int threads;

    BillingRun(Contributions contributions, Workforce workforce, Calendar calendar, BillingStore store,
               TransactionTemplate transaction, JdbcClient jdbc,
               @Value("${jamsos.billing.employers-per-chunk:100}") int employersPerChunk,
               @Value("${jamsos.billing.threads:2}") int threads) {
        this.contributions = contributions;
        this.workforce = workforce;
        this.calendar = calendar;
        this.store = store;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.employersPerChunk = employersPerChunk;
        this.threads = Math.max(1, threads);
    }

    public static final Set<Category> BOTH = EnumSet.allOf(Category.class);

    public Totals run(Period period, Set<Category> categories, Instant at, Consumer<Progress> progress) {
        return run(period, categories, at, employersPerChunk, ChunkHook.NONE, progress);
    }

    /**
     * Bills the categories of {@code period}, bills issued at {@code at}. The period is recorded as billed first, so
     * the rates in force for it can no longer change (the rate administration refuses it).
     */
    public Totals run(Period period, Set<Category> categories, Instant at, int chunkSize, ChunkHook hook,
                      Consumer<Progress> progress) {
        RatesInForce rates = contributions.ratesFor(period);
        store.ensurePartition(period);
        jdbc.sql("INSERT INTO contribution.billed_period (period, billed_at) VALUES (:period, :at) ON CONFLICT DO NOTHING")
                .param("period", period.toString()).param("at", Timestamp.from(at)).update();
        Totals totals = new Totals(period, 0, 0, 0, 0, Duration.ZERO);
        if (categories.contains(Category.PU)) {
            totals = totals.plus(wageEarners(period, rates, at, chunkSize, hook, progress));
        }
        if (categories.contains(Category.BPU)) {
            totals = totals.plus(informal(period, rates, at, hook, progress));
        }
        return totals;
    }

    private Totals wageEarners(Period period, RatesInForce rates, Instant at, int requestedSize, ChunkHook hook,
                               Consumer<Progress> progress) {
        long started = System.nanoTime();
        BillingStore.Pass pass = store.pass(period, Category.PU, requestedSize, at);
        long highest = workforce.highestEmployerId().orElse(0);
        long chunks = highest / pass.chunkSize() + 1;
        LocalDate due = LatePenaltyRule.dueDate(Category.PU, period, calendar.workingDays());
        boolean[][] owed = owedShares(rates, Category.PU);
        List<Callable<ChunkDone>> work = new ArrayList<>();
        for (long chunk = 0; chunk < chunks; chunk++) {
            long from = chunk * pass.chunkSize();
            long to = from + pass.chunkSize();
            long k = chunk;
            work.add(() -> transaction.execute(status -> store.claim(pass, k, at)
                    ? wageEarnerChunk(pass, k, from, to, rates, due, owed, at, hook) : null));
        }
        Totals totals = inParallel(period, Category.PU, work, started, progress);
        store.finish(pass, at);
        return totals;
    }

    private ChunkDone wageEarnerChunk(BillingStore.Pass pass, long chunk, long from, long to, RatesInForce rates,
                                      LocalDate due, boolean[][] owed, Instant at, ChunkHook hook) {
        List<BillableWage> wages = workforce.billableWages(pass.period(), from, to);
        List<Contribution> owedByWorker = new ArrayList<>(wages.size());
        List<BillingStore.NewBill> newBills = new ArrayList<>();
        BillingStore.NewBill current = null;
        for (BillableWage wage : wages) {
            Contribution contribution = ContributionRule.wageEarner(rates, wage.wage(), wage.riskClass());
            owedByWorker.add(contribution);
            if (current == null || current.employerId() != wage.employerId()) {
                current = BillingStore.NewBill.employer(wage.employerId());
                newBills.add(current);
            }
            current.add(contribution);
        }
        Map<Object, Long> issued = store.insertBills(pass.period(), Category.PU, due, at, newBills);
        BillLineCopy copy = store.copy();
        try {
            for (int i = 0; i < wages.size(); i++) {
                BillableWage wage = wages.get(i);
                Long billId = issued.get(wage.employerId());
                if (billId != null) {
                    write(copy, pass.period(), billId, wage.memberId(), owedByWorker.get(i), owed);
                }
            }
            long lines = copy.finish();
            hook.beforeCommit(Category.PU, chunk);
            store.chunkDone(pass, chunk, issued.size(), lines);
            return new ChunkDone(issued.size(), lines);
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }

    private Totals informal(Period period, RatesInForce rates, Instant at, ChunkHook hook,
                            Consumer<Progress> progress) {
        long started = System.nanoTime();
        BillingStore.Pass pass = store.pass(period, Category.BPU, BPU_BUCKETS, at);
        LocalDate due = LatePenaltyRule.dueDate(Category.BPU, period, calendar.workingDays());
        boolean[][] owed = owedShares(rates, Category.BPU);
        List<Callable<ChunkDone>> work = new ArrayList<>();
        for (int bucket = 0; bucket < pass.chunkSize(); bucket++) {
            int k = bucket;
            work.add(() -> transaction.execute(status -> store.claim(pass, k, at)
                    ? informalChunk(pass, k, rates, due, owed, at, hook) : null));
        }
        Totals totals = inParallel(period, Category.BPU, work, started, progress);
        store.finish(pass, at);
        return totals;
    }

    /**
     * Runs the chunks on {@code threads} threads (while one chunk's lines are written by PostgreSQL, the next is
     * computed). After a chunk fails no further chunk starts; those running finish; the failure is rethrown and the
     * run stays unfinished, to be resumed.
     */
    private Totals inParallel(Period period, Category category, List<Callable<ChunkDone>> work, long started,
                              Consumer<Progress> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean failed = new AtomicBoolean();
        CompletionService<ChunkDone> results = new ExecutorCompletionService<>(pool);
        for (Callable<ChunkDone> chunk : work) {
            results.submit(() -> failed.get() ? null : chunk.call());
        }
        long bills = 0, lines = 0, skipped = 0;
        RuntimeException failure = null;
        try {
            for (int done = 1; done <= work.size(); done++) {
                try {
                    ChunkDone result = results.take().get();
                    if (result == null) {
                        skipped++;
                    } else {
                        bills += result.bills();
                        lines += result.lines();
                    }
                } catch (ExecutionException e) {
                    failed.set(true);
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
                progress.accept(new Progress(period, category, done, work.size(), bills, lines, since(started)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.set(true);
            failure = new IllegalStateException("billing run interrupted", e);
        } finally {
            pool.shutdown();
        }
        if (failure != null) {
            throw failure;
        }
        return new Totals(period, work.size(), bills, lines, skipped, since(started));
    }

    private ChunkDone informalChunk(BillingStore.Pass pass, int bucket, RatesInForce rates, LocalDate due,
                                    boolean[][] owed, Instant at, ChunkHook hook) {
        List<BillingStore.Participant> participants = store.participants(pass.period(), bucket, pass.chunkSize());
        List<BillingStore.NewBill> newBills = new ArrayList<>();
        List<Contribution> owedByMember = new ArrayList<>();
        List<BillingStore.Participant> billed = new ArrayList<>();
        for (BillingStore.Participant participant : participants) {
            try {
                Contribution contribution = ContributionRule.informal(rates, participant.declaredIncome(),
                        participant.programs());
                newBills.add(BillingStore.NewBill.member(participant.memberId()).add(contribution));
                owedByMember.add(contribution);
                billed.add(participant);
            } catch (InvalidValue e) {
                // The bounds changed since the member declared their income: they must declare again (RULES.md §3).
                log.warn("BPU member {} not billed for {}: declared income {} outside the bounds in force",
                        participant.memberId(), pass.period(), participant.declaredIncome().formatted());
            }
        }
        Map<Object, Long> issued = store.insertBills(pass.period(), Category.BPU, due, at, newBills);
        BillLineCopy copy = store.copy();
        try {
            for (int i = 0; i < billed.size(); i++) {
                Long billId = issued.get(billed.get(i).memberId());
                if (billId != null) {
                    write(copy, pass.period(), billId, billed.get(i).memberId(), owedByMember.get(i), owed);
                }
            }
            long lines = copy.finish();
            hook.beforeCommit(Category.BPU, bucket);
            store.chunkDone(pass, bucket, issued.size(), lines);
            return new ChunkDone(issued.size(), lines);
        } catch (RuntimeException e) {
            copy.cancel();
            throw e;
        }
    }

    /** One line per program and party that has a rate in force: a share the regulation does not levy is no line. */
    static void write(BillLineCopy copy, Period period, long billId, java.util.UUID memberId,
                              Contribution contribution, boolean[][] owed) {
        String month = period.toString();
        long wage = contribution.wage().value();
        for (ContributionLine line : contribution.lines()) {
            int program = line.program().ordinal();
            if (owed[program][Party.EMPLOYER.ordinal()]) {
                copy.contribution(month, billId, memberId, line.program().name(), "EMPLOYER", line.employer().value(),
                        wage);
            }
            if (owed[program][Party.WORKER.ordinal()]) {
                copy.contribution(month, billId, memberId, line.program().name(), "WORKER", line.worker().value(),
                        wage);
            }
        }
    }

    static boolean[][] owedShares(RatesInForce rates, Category category) {
        boolean[][] owed = new boolean[Program.values().length][Party.values().length];
        for (Program program : Program.values()) {
            for (Party party : Party.values()) {
                owed[program.ordinal()][party.ordinal()] = rates.share(program, category, party).isPresent();
            }
        }
        return owed;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
