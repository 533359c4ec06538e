package id.jamsos.ledger.internal;

import id.jamsos.contribution.BillSettled;
import id.jamsos.membership.MemberActivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The ledger follows membership and contributions. Both events come through the JDBC publication registry: a
 * posting is not lost if the platform stops in between, and one delivered twice posts once (idempotency keys).
 */
@Component
class LedgerListeners {

    private final LedgerAccounts accounts;
    private final BillPosting posting;

    LedgerListeners(LedgerAccounts accounts, BillPosting posting) {
        this.accounts = accounts;
        this.posting = posting;
    }

    @ApplicationModuleListener
    void on(MemberActivated activated) {
        if (activated.programs().contains("JHT")) {
            accounts.openJht(activated.memberId(), activated.kpj(), activated.activatedOn());
        }
    }

    @ApplicationModuleListener
    void on(BillSettled settled) {
        posting.post(settled);
    }
}
