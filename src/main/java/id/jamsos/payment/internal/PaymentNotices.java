package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Program;
import id.jamsos.membership.Members;
import id.jamsos.notification.Notice;
import id.jamsos.notification.NoticeArgument;
import id.jamsos.notification.Notifications;
import id.jamsos.payment.PaymentReceived;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Portal notices of payments (issue 5): the payer's accounts hear that money was received and that a bill was
 * settled; every wage earner on a settled employer bill hears that their month was paid and what went into their JHT.
 * The events come through the JDBC publication registry (a notice is not lost if the platform stops in between) and
 * may be delivered again after a restart: each notice is posted once per account, kind and reference.
 */
@Component
class PaymentNotices {

    static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    static final String BILL_SETTLED = "BILL_SETTLED";
    static final String CONTRIBUTION_PAID = "CONTRIBUTION_PAID";
    /** Notices written per statement for the workers of one bill (a large employer's bill has thousands). */
    static final int CHUNK = 1_000;

    private final Notifications notifications;
    private final PaymentMail mail;
    private final Payers payers;
    private final Members members;
    private final BillLines lines;

    PaymentNotices(Notifications notifications, PaymentMail mail, Payers payers, Members members, BillLines lines) {
        this.notifications = notifications;
        this.mail = mail;
        this.payers = payers;
        this.members = members;
        this.lines = lines;
    }

    @ApplicationModuleListener
    void on(PaymentReceived received) {
        String payer = payers.of(received.payer()).map(KnownPayer::name).orElse("");
        List<Notice> notices = new ArrayList<>();
        for (UUID account : mail.accountsOf(received.payer())) {
            notices.add(new Notice(account, PAYMENT_RECEIVED, String.valueOf(received.paymentId()),
                    "notice.payment-received", List.of(NoticeArgument.amount(received.amount()),
                    NoticeArgument.text(payer), NoticeArgument.day(received.paidOn())),
                    "/pembayaran/" + received.paymentId()));
        }
        notifications.postNotices(notices);
    }

    @ApplicationModuleListener
    void on(BillSettled settled) {
        Optional<KnownPayer> payer = payers.of(settled.payer());
        String name = payer.map(KnownPayer::name).orElse("");
        Rupiah total = settled.amounts().stream().map(BillAmount::amount).reduce(settled.penalty(), Rupiah::plus);
        String bill = String.valueOf(settled.billId());
        List<Notice> notices = new ArrayList<>();
        for (UUID account : mail.accountsOf(settled.payer())) {
            notices.add(new Notice(account, BILL_SETTLED, bill, "notice.bill-settled",
                    List.of(NoticeArgument.month(settled.period()), NoticeArgument.text(name),
                            NoticeArgument.amount(total)), "/pembayaran"));
        }
        notifications.postNotices(notices);
        if (settled.payer().employerId() != null) {
            tellWorkers(settled, name);
        }
    }

    /** Each wage earner on the bill: their month was paid by the employer, and their JHT (both shares) for it. */
    private void tellWorkers(BillSettled settled, String employer) {
        Map<UUID, Rupiah> jht = new LinkedHashMap<>();
        for (BillLines.WorkerShare share : lines.lines(settled.billId())) {
            Rupiah sum = jht.getOrDefault(share.memberId(), Rupiah.ZERO);
            jht.put(share.memberId(), share.program() == Program.JHT ? sum.plus(share.amount()) : sum);
        }
        String bill = String.valueOf(settled.billId());
        Map<UUID, UUID> accounts = members.accountsOf(jht.keySet());
        List<Notice> chunk = new ArrayList<>();
        for (Map.Entry<UUID, Rupiah> worker : jht.entrySet()) {
            UUID account = accounts.get(worker.getKey());
            if (account == null) {
                continue;
            }
            chunk.add(new Notice(account, CONTRIBUTION_PAID, bill, "notice.contribution-paid",
                    List.of(NoticeArgument.month(settled.period()), NoticeArgument.text(employer),
                            NoticeArgument.amount(worker.getValue())), "/saldo-jht"));
            if (chunk.size() == CHUNK) {
                notifications.postNotices(chunk);
                chunk = new ArrayList<>();
            }
        }
        notifications.postNotices(chunk);
    }
}
