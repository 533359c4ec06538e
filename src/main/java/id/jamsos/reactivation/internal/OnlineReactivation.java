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

    private final Reactivations reactivations;

    OnlineReactivation(Reactivations reactivations) {
        this.reactivations = reactivations;
    }

    /**
     * Only a member's virtual-account payment that settled a bill can reactivate, so only such a payment is stored
     * for this listener: the registry evaluates the condition when the event is published, and every other payment
     * (an employer's, cash, transfer, a partial one) costs the registry nothing here.
     */
    @ApplicationModuleListener(condition = "#payment.channel() == 'VIRTUAL_ACCOUNT'"
            + " && #payment.payer().memberId() != null && !#payment.settledBillIds().isEmpty()")
    void on(PaymentReceived payment) {
        reactivations.reactivateOnline(payment.payer().memberId(), payment.paidOn());
    }
}
