package id.jamsos.membership.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's side of online activation: the draft application, saved step by step. */
@Service
public class Activation {

    static final ZoneId INDONESIA_WEST = ZoneId.of("Asia/Jakarta");

    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;

    Activation(Applications applications, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Draft> openApplication(UUID accountId) {
        return applications.openOf(accountId);
    }

    /** Today in western Indonesia, which decides the century of a NIK's birth year. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(INDONESIA_WEST));
    }

    /**
     * Saves step 1. The NIK must agree with the birth date and gender typed, and may not be in another person's open
     * application; an application already submitted can no longer be changed this way.
     */
    @Transactional
    public void saveIdentity(UUID accountId, Identity identity, String ipAddress) {
        identity.nik().mustMatch(identity.birthDate(), identity.gender(), today());
        if (applications.nikInOtherOpenApplication(accountId, identity.nik())) {
            throw new InvalidValue("membership.nik.taken");
        }
        boolean saved;
        try {
            saved = applications.saveIdentity(accountId, identity, clock.instant());
        } catch (DuplicateKeyException e) { // the same NIK saved by someone else at the same moment
            throw new InvalidValue("membership.nik.taken");
        }
        if (!saved) {
            throw new InvalidValue("membership.application.locked");
        }
        audit.record(new AuditEntry(accountId, null, "APPLICATION_IDENTITY_SAVED", "APPLICATION",
                accountId.toString(), ipAddress, AuditOutcome.SUCCESS, Map.of("nik", identity.nik().masked())));
    }
}
