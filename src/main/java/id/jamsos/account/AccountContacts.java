package id.jamsos.account;

import id.jamsos.common.MobileNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How to reach the holder of an account, for modules that prefill a form with it (the activation wizard) or write to
 * them (payment e-mails, reminders) in their own language.
 */
public interface AccountContacts {

    /**
     * Whom to write to: the name to greet, the e-mail address and the account's language (Indonesian or English: the
     * language chosen at registration, and again at every sign-in).
     */
    record Recipient(UUID accountId, String fullName, String email, Locale language) {
    }

    /** The mobile number given at registration ({@code +62…}); empty for an unknown account. */
    Optional<MobileNumber> mobileNumber(UUID accountId);

    /** The account's name, e-mail and language; empty for an unknown account. */
    Optional<Recipient> recipient(UUID accountId);

    /** The account's language; Indonesian, the platform's first language, for an unknown account. */
    default Locale language(UUID accountId) {
        return recipient(accountId).map(Recipient::language).orElse(Locale.forLanguageTag("id"));
    }
}
