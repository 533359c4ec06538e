package id.jamsos.reactivation.internal;

import id.jamsos.payment.PaymentReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An informal worker (BPU) pays their arrears by virtual account and is active again without visiting a branch
 * (RULES.md §4: pay the unpaid months, no penalty, same KPJ). Cash and transfers are taken by an officer, who
 * reactivates after checking the documents. The event comes through the JDBC publication registry, so a payment
 * that settled the arrears is not forgotten if the platform stops before this listener ran.
 */
@Component
class OnlineReactivation {

    static final String VIRTUAL_ACCOUNT = "VIRTUAL_ACCOUNT";

    private final Reactivations reactivations;

    OnlineReactivation(Reactivations reactivations) {
        this.reactivations = reactivations;
    }

    @ApplicationModuleListener
    void on(PaymentReceived payment) {
        if (VIRTUAL_ACCOUNT.equals(payment.channel()) && payment.payer().memberId() != null
                && !payment.settledBillIds().isEmpty()) {
            reactivations.reactivateOnline(payment.payer().memberId(), payment.paidOn());
        }
    }
}
