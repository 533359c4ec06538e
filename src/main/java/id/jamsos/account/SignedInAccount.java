package id.jamsos.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * Who is signed in, as other modules and the layout see it. Kept in the session, so it holds no secrets.
 *
 * @param id       the account id (also the session's principal name, so every session of an account can be found)
 * @param fullName the name to greet
 * @param email    the verified e-mail address
 * @param role     what the account may do
 */
public record SignedInAccount(UUID id, String fullName, String email, Role role) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean is(Role other) {
        return role == other;
    }
}
