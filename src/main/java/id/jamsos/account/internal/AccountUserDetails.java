package id.jamsos.account.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of an account while the password is checked. Always "enabled": whether the address is
 * verified is checked only after the password (in {@link AccountAuthentication}), so an unverified account does not
 * reveal itself to someone who does not know its password.
 */
record AccountUserDetails(Account account) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.id().toString();
    }

    @Component
    static class Lookup implements UserDetailsService {

        private final Accounts accounts;

        Lookup(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public UserDetails loadUserByUsername(String email) {
            // an invited staff account has no password until its owner sets one: it cannot sign in before
            return accounts.byEmail(email).filter(account -> account.passwordHash() != null).map(AccountUserDetails::new)
                    .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        }
    }
}
