package id.jamsos.payment.internal;

import java.util.List;

/**
 * The banks through which a payer can pay a virtual account, for the "how to pay" guides and the reconciliation
 * report. The SNAP side may provide it (it knows the demo bank too); otherwise {@link BankGuides} reads the same
 * configuration keys ({@code jamsos.snap.partners[N].partner-id}, {@code .name}, {@code .partner-service-id}).
 */
public interface PayingBanks {

    /** A bank: the id it calls with, its name, its 8-character virtual-account prefix as configured. */
    record PayingBank(String partnerId, String name, String partnerServiceId) {

        /** The virtual-account number at this bank: its prefix (left-padded with spaces to 8) + the customer number. */
        public String virtualAccount(String customerNumber) {
            return String.format("%8s", partnerServiceId == null ? "" : partnerServiceId.strip()) + customerNumber;
        }

        /** The same digits as a payer types them into a banking app (no spaces). */
        public String typed(String customerNumber) {
            return virtualAccount(customerNumber).strip();
        }
    }

    List<PayingBank> all();
}
