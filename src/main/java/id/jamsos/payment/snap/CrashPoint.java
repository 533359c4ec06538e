package id.jamsos.payment.snap;

import org.springframework.stereotype.Component;

/**
 * A fault a test can arm: the process "dies" after a request's answer is committed but before the bank receives it,
 * which is the moment where a lost answer must not become a second payment. Unarmed, it does nothing.
 */
@Component
class CrashPoint {

    private volatile String armedFor;

    void arm(String externalId) {
        armedFor = externalId;
    }

    void afterCommit(String externalId) {
        if (externalId.equals(armedFor)) {
            armedFor = null;
            throw new IllegalStateException("crash injected after commit of " + externalId);
        }
    }
}
