package id.jamsos.account.internal;

import id.jamsos.account.AccountContacts;
import id.jamsos.common.MobileNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class JdbcAccountContacts implements AccountContacts {

    private final Accounts accounts;

    JdbcAccountContacts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<MobileNumber> mobileNumber(UUID accountId) {
        return accounts.byId(accountId).map(Account::mobileNumber).filter(m -> m != null).map(MobileNumber::new);
    }

    @Override
    public Optional<Recipient> recipient(UUID accountId) {
        return accounts.byId(accountId).map(account -> new Recipient(account.id(), account.fullName(), account.email(),
                "en".equals(account.language()) ? Locale.ENGLISH : Locale.forLanguageTag("id")));
    }
}
