package id.jamsos.payment;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import java.time.LocalDate;
import java.util.List;

/**
 * Money was received for a payer and allocated (the bills it completed are settled in the same transaction, each
 * publishing {@code BillSettled}); what was not allocated is the payer's credit.
 *
 * @param channel VIRTUAL_ACCOUNT, CASH or TRANSFER
 * @param source  the partner bank id, the officer's account id or the bank name
 */
public record PaymentReceived(long paymentId, String channel, String source, Payer payer, Rupiah amount,
                              LocalDate paidOn, Rupiah allocated, List<Long> settledBillIds) {

    public PaymentReceived {
        settledBillIds = List.copyOf(settledBillIds);
    }
}
