package id.jamsos.contribution.internal;

import id.jamsos.common.Period;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.membership.MemberActivated;
import id.jamsos.membership.MemberCategory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An approved informal worker (BPU) is billed from the month of activation on the income and programs chosen in the
 * wizard. The event comes through the JDBC publication registry, so an enrolment is not lost if the platform stops
 * between the approval and this listener.
 */
@Component
class InformalEnrolment {

    private final InformalWorkers informalWorkers;

    InformalEnrolment(InformalWorkers informalWorkers) {
        this.informalWorkers = informalWorkers;
    }

    @ApplicationModuleListener
    void on(MemberActivated activated) {
        if (activated.category() == MemberCategory.BPU && activated.declaredIncome() != null) {
            informalWorkers.enrol(activated.memberId(), activated.declaredIncome(),
                    MembershipQuote.programs(activated.programs()), Period.of(activated.activatedOn()));
        }
    }
}
