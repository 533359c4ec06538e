package id.jamsos.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, as other modules and the layout see it. Kept in the session, so it holds no secrets.
 *
 * @param id       the account id (also the session's principal name, so every session of an account can be found)
 * @param fullName the name to greet
 * @param email    the verified e-mail address
 * @param role     what the account may do
 */
public record SignedInAccount(UUID id, String fullName, String email, Role role) implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The account id: Spring Session indexes sessions by it, so all of an account's sessions can be ended. */
    @Override
    public String getName() {
        return id.toString();
    }

    public boolean is(Role other) {
        return role == other;
    }
}
