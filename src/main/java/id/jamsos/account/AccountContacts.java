package id.jamsos.account;

import id.jamsos.common.MobileNumber;
import java.util.Optional;
import java.util.UUID;

/** How to reach the holder of an account, for modules that prefill a form with it (the activation wizard). */
public interface AccountContacts {

    /** The mobile number given at registration ({@code +62…}); empty for an unknown account. */
    Optional<MobileNumber> mobileNumber(UUID accountId);
}
