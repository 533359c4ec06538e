package id.jamsos.contribution.web;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.contribution.Payer;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.Members;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whose arrears the signed-in account may see: an employer administrator their employer's, a member their own as an
 * informal worker. Nobody else's: the payer comes from the session, never from the request.
 */
@Component
class ArrearsPayers {

    /** The payer and the name to show on the statement. */
    record Named(Payer payer, String name, String reference) {
    }

    private final Workforce workforce;
    private final Members members;

    ArrearsPayers(Workforce workforce, Members members) {
        this.workforce = workforce;
        this.members = members;
    }

    static boolean mayHaveArrears(SignedInAccount account) {
        return account != null && (account.is(Role.EMPLOYER_ADMIN) || account.is(Role.MEMBER));
    }

    Optional<Named> of(SignedInAccount account) {
        if (account == null) {
            return Optional.empty();
        }
        if (account.is(Role.EMPLOYER_ADMIN)) {
            return workforce.employerOf(account.id())
                    .map(e -> new Named(Payer.employer(e.id()), e.name(), e.npp().toString()));
        }
        if (account.is(Role.MEMBER)) {
            return members.byAccount(account.id()).map(m -> new Named(Payer.member(m.id()), m.fullName(), m.kpj()));
        }
        return Optional.empty();
    }

    /** {@code YYYY-MM-DD}; absent means today. Empty when malformed. */
    static Optional<LocalDate> asOf(String typed, LocalDate today) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(today);
        }
        if (!typed.strip().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(typed.strip());
            return date.getYear() < 2000 || date.getYear() > 2200 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
