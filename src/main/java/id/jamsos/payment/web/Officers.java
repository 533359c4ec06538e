package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.payment.internal.Officer;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in officer as the branch services record them. */
final class Officers {

    private Officers() {
    }

    static Officer of(SignedInAccount account, HttpServletRequest request) {
        return new Officer(account.id(), account.email(), request.getRemoteAddr());
    }
}
