package id.jamsos.payment.web;

import java.util.Optional;

/** A payment id typed in a URL: digits only, at most 18 of them; anything else names no payment (404). */
final class PaymentIds {

    private PaymentIds() {
    }

    static Optional<Long> parse(String typed) {
        if (typed == null || !typed.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(typed));
    }
}
