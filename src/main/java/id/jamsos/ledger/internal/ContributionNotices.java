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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A settled employer bill and, per worker, the employer's and the worker's JHT share it credited. */
    record Told(BillSettled settled, long employerId, Map<UUID, long[]> jht) {
    }

    /** The notices of a batch of bills: the workers' accounts in one query, the notices a thousand a statement. */
    void tell(List<Told> bills) {
        Set<UUID> workers = new HashSet<>();
        bills.forEach(bill -> workers.addAll(bill.jht().keySet()));
        if (workers.isEmpty()) {
            return;
        }
        Map<UUID, UUID> accounts = members.accountsOf(workers);
        Map<Long, String> employers = new HashMap<>();
        List<Notice> chunk = new ArrayList<>();
        for (Told bill : bills) {
            String reference = String.valueOf(bill.settled().billId());
            for (Map.Entry<UUID, long[]> worker : bill.jht().entrySet()) {
                UUID account = accounts.get(worker.getKey());
                if (account == null) {
                    continue; // a worker who never signed up online has no portal to be told in
                }
                String employer = employers.computeIfAbsent(bill.employerId(),
                        id -> workforce.employer(id).map(Employer::name).orElse(""));
                chunk.add(new Notice(account, CONTRIBUTION_PAID, reference, "notice.contribution-paid",
                        List.of(NoticeArgument.month(bill.settled().period()), NoticeArgument.text(employer),
                                NoticeArgument.amount(Rupiah.of(worker.getValue()[0] + worker.getValue()[1]))),
                        "/saldo-jht"));
                if (chunk.size() == CHUNK) {
                    notifications.postNotices(chunk);
                    chunk = new ArrayList<>();
                }
            }
        }
        if (!chunk.isEmpty()) {
            notifications.postNotices(chunk);
        }
    }
}
