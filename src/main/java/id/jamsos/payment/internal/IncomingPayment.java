package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import java.time.Instant;

/**
 * Money handed in through a channel.
 *
 * @param channel        VIRTUAL_ACCOUNT, CASH or TRANSFER
 * @param source         the partner bank id (VA), the officer's account id (cash) or the bank name (transfer)
 * @param reference      unique per channel and source: the bank's payment reference, the receipt number, the
 *                       transfer reference
 * @param customerNumber the payer's virtual-account customer number
 */
public record IncomingPayment(String channel, String source, String reference, String customerNumber, Rupiah amount,
                              Instant receivedAt) {
}
