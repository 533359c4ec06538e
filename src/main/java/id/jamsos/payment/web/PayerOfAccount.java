package id.jamsos.payment.web;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.contribution.Payer;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.Members;
import id.jamsos.payment.internal.KnownPayer;
import id.jamsos.payment.internal.Payers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whose payments the signed-in account may see: an employer administrator their employer's, a member their own. The
 * payer always comes from the session, never from the request, so no URL reaches another payer's account.
 */
@Component
class PayerOfAccount {

    private final Workforce workforce;
    private final Members members;
    private final Payers payers;

    PayerOfAccount(Workforce workforce, Members members, Payers payers) {
        this.workforce = workforce;
        this.members = members;
        this.payers = payers;
    }

    Optional<KnownPayer> of(SignedInAccount account) {
        if (account == null) {
            return Optional.empty();
        }
        if (account.is(Role.EMPLOYER_ADMIN)) {
            return workforce.employerOf(account.id()).flatMap(e -> payers.of(Payer.employer(e.id())));
        }
        if (account.is(Role.MEMBER)) {
            return members.byAccount(account.id()).flatMap(m -> payers.of(Payer.member(m.id())));
        }
        return Optional.empty();
    }
}
