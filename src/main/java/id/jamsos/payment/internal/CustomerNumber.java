package id.jamsos.payment.internal;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import java.util.Optional;

/**
 * The virtual-account customer number of a payer, the same at every bank (each bank puts its own 8-character
 * partnerServiceId in front): {@code 1} + NPP for an employer (9 digits), {@code 2} + KPJ for an informal worker
 * (12 digits). Derived from numbers the payer already knows, so it needs no table to be issued and never changes.
 */
public final class CustomerNumber {

    static final String EMPLOYER = "1";
    static final String MEMBER = "2";

    private CustomerNumber() {
    }

    public static String of(Npp npp) {
        return EMPLOYER + npp.value();
    }

    public static String of(Kpj kpj) {
        return MEMBER + kpj.value();
    }

    /** The NPP inside an employer's customer number. */
    static Optional<Npp> npp(String customerNumber) {
        if (customerNumber == null || !customerNumber.matches("1[0-9]{8}")) {
            return Optional.empty();
        }
        return Optional.of(new Npp(customerNumber.substring(1)));
    }

    /** The KPJ inside a member's customer number, when its check digit is right. */
    static Optional<Kpj> kpj(String customerNumber) {
        if (customerNumber == null || !customerNumber.matches("2[0-9]{11}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Kpj(customerNumber.substring(1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
