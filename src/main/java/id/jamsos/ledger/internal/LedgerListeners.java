package id.jamsos.ledger.internal;

import id.jamsos.contribution.BillSettled;
import id.jamsos.membership.MemberActivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger follows membership and contributions. Both events come through the JDBC publication registry: a
 * posting is not lost if the platform stops in between, and one delivered twice posts once (idempotency keys). A
 * settled bill is queued for the {@link LedgerPoster}, which posts the queue in batches.
 */
@Component
class LedgerListeners {

    private final LedgerAccounts accounts;
    private final PostingQueue queue;
    private final LedgerPoster poster;

    LedgerListeners(LedgerAccounts accounts, PostingQueue queue, LedgerPoster poster) {
        this.accounts = accounts;
        this.queue = queue;
        this.poster = poster;
    }

    @ApplicationModuleListener
    void on(MemberActivated activated) {
        if (activated.programs().contains("JHT")) {
            accounts.openJht(activated.memberId(), activated.kpj(), activated.activatedOn());
        }
    }

    /** Queues the bill; the poster posts it in a batch as soon as this transaction commits (V134). */
    @ApplicationModuleListener
    void on(BillSettled settled) {
        queue.add(settled);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                poster.wake();
            }
        });
    }
}
