package id.jamsos.ledger.internal;

import id.jamsos.contribution.BillSettled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the queue of settled bills (V134) in batches, on one thread per instance: woken as soon as a bill is queued,
 * and every {@code jamsos.ledger.posting.poll-interval} in any case (bills queued by another instance, bills waiting
 * to be retried). A batch is one transaction: its bills are posted ({@link BillPosting#postAll}) and leave the queue
 * together. When a batch fails, its bills are posted one by one, each in its own transaction, so a bill that cannot
 * be posted waits with its error (and is retried later, logged as an error) without holding up the others.
 * Instances share the queue (rows locked with SKIP LOCKED). Once woken, the poster lingers
 * ({@code jamsos.ledger.posting.linger}, 100 ms) so the bills settled meanwhile join the batch: under load a batch
 * holds tens of bills instead of two or three, and each statement of a batch is paid once for all of them
 * (docs/performance.md); a balance is that much later behind its payment.
 */
@Component
class LedgerPoster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerPoster.class);

    private final PostingQueue queue;
    private final BillPosting posting;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration linger;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    LedgerPoster(PostingQueue queue, BillPosting posting, TransactionTemplate transaction,
                 @Value("${jamsos.ledger.posting.batch-size:100}") int batchSize,
                 @Value("${jamsos.ledger.posting.poll-interval:1s}") Duration pollInterval,
                 @Value("${jamsos.ledger.posting.linger:100ms}") Duration linger) {
        if (batchSize < 1 || batchSize > 1_000) {
            throw new IllegalArgumentException("jamsos.ledger.posting.batch-size is 1 to 1000, not " + batchSize);
        }
        if (linger.isNegative() || linger.compareTo(pollInterval) > 0) {
            throw new IllegalArgumentException("jamsos.ledger.posting.linger is 0 to the poll interval, not " + linger);
        }
        this.queue = queue;
        this.posting = posting;
        this.transaction = transaction;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.linger = linger;
    }

    /** A bill was queued (called after its transaction committed): post without waiting for the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Posts one batch; answers how many bills it took from the queue (all of them posted, or those that failed
     * recorded for a later attempt).
     */
    int postBatch() {
        try {
            Integer taken = transaction.execute(status -> {
                List<BillSettled> bills = queue.take(batchSize);
                posting.postAll(bills);
                queue.remove(bills.stream().map(BillSettled::billId).toList());
                return bills.size();
            });
            return taken == null ? 0 : taken;
        } catch (RuntimeException batchFailed) {
            log.warn("Ledger posting of a batch failed, posting its bills one by one: {}", batchFailed.toString());
            return postOneByOne();
        }
    }

    private int postOneByOne() {
        List<BillSettled> bills = transaction.execute(status -> queue.take(batchSize));
        for (BillSettled bill : bills == null ? List.<BillSettled>of() : bills) {
            try {
                transaction.executeWithoutResult(status -> queue.lock(bill.billId()).ifPresent(locked -> {
                    posting.postAll(List.of(locked));
                    queue.remove(List.of(locked.billId()));
                }));
            } catch (RuntimeException failed) {
                log.error("Ledger posting of bill {} failed; it stays queued and is retried later", bill.billId(),
                        failed);
                transaction.executeWithoutResult(status -> queue.failed(bill.billId(), failed.toString()));
            }
        }
        return bills == null ? 0 : bills.size();
    }

    private void run() {
        while (running) {
            try {
                if (postBatch() < batchSize) {
                    boolean woken = wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    if (woken && running && !linger.isZero()) {
                        Thread.sleep(linger.toMillis()); // the bills settled meanwhile join this batch
                    }
                    wake.drainPermits();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                log.error("Ledger poster: unexpected failure, trying again after the poll interval", unexpected);
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "ledger-poster");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wake(); // the batch being posted finishes; no JDBC call is interrupted
            try {
                thread.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
