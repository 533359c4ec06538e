/**
 * Payments: money received by virtual account (Bank Indonesia SNAP), in cash or by transfer at a branch, recorded
 * exactly once, allocated to the payer's bills (oldest first) and reconciled per bank.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
package id.jamsos.payment;
