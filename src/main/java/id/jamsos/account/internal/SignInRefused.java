package id.jamsos.account.internal;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Why a sign-in did not succeed, as the sign-in page explains it. */
class SignInRefused extends AuthenticationException {

    enum Reason {
        /** Wrong e-mail or password; the same words whether the account exists or not. */
        BAD_CREDENTIALS,
        /** Too many failures: a solved challenge is needed first. */
        CHALLENGE_REQUIRED,
        /** The hourly limit is reached: retry later, or solve the challenge and use the correct password. */
        LIMITED,
        /** The password is right but the address is not verified yet. */
        NOT_VERIFIED
    }

    private final Reason reason;
    private final boolean challengeRequired;
    private final transient Instant retryAt;

    SignInRefused(Reason reason, boolean challengeRequired, Instant retryAt) {
        super(reason.name());
        this.reason = reason;
        this.challengeRequired = challengeRequired;
        this.retryAt = retryAt;
    }

    Reason reason() {
        return reason;
    }

    boolean challengeRequired() {
        return challengeRequired;
    }

    Instant retryAt() {
        return retryAt;
    }
}
