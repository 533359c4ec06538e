package id.jamsos.account.internal;

import id.jamsos.account.AccountDirectory;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class JdbcAccountDirectory implements AccountDirectory {

    private final Accounts accounts;

    JdbcAccountDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<KnownAccount> byEmail(String email) {
        return email == null ? Optional.empty()
                : accounts.byEmail(email.strip().toLowerCase(Locale.ROOT)).map(JdbcAccountDirectory::known);
    }

    @Override
    public Optional<KnownAccount> byId(UUID id) {
        return accounts.byId(id).map(JdbcAccountDirectory::known);
    }

    private static KnownAccount known(Account account) {
        return new KnownAccount(account.id(), account.fullName(), account.email(), account.role());
    }
}
