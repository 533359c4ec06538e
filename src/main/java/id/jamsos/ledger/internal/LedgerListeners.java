package id.jamsos.ledger.internal;

import id.jamsos.contribution.BillSettled;
import id.jamsos.membership.MemberActivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

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

    /**
     * Queues the bill and wakes the poster, which posts it in a batch (V134). One statement, so no transaction of its
     * own: the insert commits by itself, one round trip instead of two. Delivered after the settlement's commit on
     * another thread, as an {@link ApplicationModuleListener} is, and through the registry all the same.
     */
    @Async
    @TransactionalEventListener
    void on(BillSettled settled) {
        queue.addDelivered(settled);
        poster.wake();
    }
}
