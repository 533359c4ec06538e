package id.jamsos.account.internal;

import java.util.Map;
import org.springframework.stereotype.Service;

/** The proof-of-work challenge as the web layer sees it: hand one out, check and spend a solution. */
@Service
public class Challenges {

    private final AltchaChallenges altcha;
    private final SignInThrottle throttle;

    Challenges(AltchaChallenges altcha, SignInThrottle throttle) {
        this.altcha = altcha;
        this.throttle = throttle;
    }

    public Map<String, Object> newChallenge() {
        var challenge = altcha.create();
        return Map.of("algorithm", challenge.algorithm, "challenge", challenge.challenge,
                "maxnumber", challenge.maxnumber, "salt", challenge.salt, "signature", challenge.signature);
    }

    public boolean solved(String payload) {
        return altcha.verifyAndSpend(payload);
    }

    /** Whether the sign-in page must show the challenge to this address before anything is typed. */
    public boolean requiredForSignInFrom(String ipAddress) {
        return throttle.challengeRequiredFrom(ipAddress);
    }
}
