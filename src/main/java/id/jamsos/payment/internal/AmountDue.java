package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;

/**
 * What a payer must pay now through their virtual account: the open payment order (all arrears, or what a member
 * chose to pay ahead), in rupiah; zero when nothing is due.
 */
public record AmountDue(String customerNumber, Payer payer, String payerName, Rupiah amount, String description) {
}
