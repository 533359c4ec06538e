package id.jamsos.account.internal;

import org.springframework.stereotype.Service;

/** The password policy as forms use it, to tell the person before anything is stored. */
@Service
public class PasswordRules {

    private final PasswordPolicy policy;

    PasswordRules(PasswordPolicy policy) {
        this.policy = policy;
    }

    /** Throws {@link id.jamsos.common.InvalidValue} naming the broken rule. */
    public void check(String password) {
        policy.check(password);
    }
}
