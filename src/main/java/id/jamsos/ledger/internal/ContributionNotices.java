package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillSettled;
import id.jamsos.employer.Employer;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.Members;
import id.jamsos.notification.Notice;
import id.jamsos.notification.NoticeArgument;
import id.jamsos.notification.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells each wage earner on a settled employer bill that their month was paid and what went into their JHT (both
 * shares), in the transaction that credits it: the notice appears with the money, never before it, and a bill
 * posted once is told once (each notice is also unique per account, kind and bill). Informal workers pay their own
 * bills and hear of them from the payment.
 */
@Component
class ContributionNotices {

    static final String CONTRIBUTION_PAID = "CONTRIBUTION_PAID";
    /** Notices written per statement for the workers of one bill (a large employer's bill has thousands). */
    static final int CHUNK = 1_000;

    private final Notifications notifications;
    private final Members members;
    private final Workforce workforce;

    ContributionNotices(Notifications notifications, Members members, Workforce workforce) {
        this.notifications = notifications;
        this.members = members;
        this.workforce = workforce;
    }

    /** {@code jht}: per worker, the employer's and the worker's JHT share credited by the bill. */
    void tell(BillSettled settled, long employerId, Map<UUID, long[]> jht) {
        if (jht.isEmpty()) {
            return;
        }
        String employer = workforce.employer(employerId).map(Employer::name).orElse("");
        String bill = String.valueOf(settled.billId());
        Map<UUID, UUID> accounts = members.accountsOf(jht.keySet());
        List<Notice> chunk = new ArrayList<>();
        for (Map.Entry<UUID, long[]> worker : jht.entrySet()) {
            UUID account = accounts.get(worker.getKey());
            if (account == null) {
                continue;
            }
            chunk.add(new Notice(account, CONTRIBUTION_PAID, bill, "notice.contribution-paid",
                    List.of(NoticeArgument.month(settled.period()), NoticeArgument.text(employer),
                            NoticeArgument.amount(Rupiah.of(worker.getValue()[0] + worker.getValue()[1]))),
                    "/saldo-jht"));
            if (chunk.size() == CHUNK) {
                notifications.postNotices(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            notifications.postNotices(chunk);
        }
    }
}
