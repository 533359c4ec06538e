package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.notification.Notice;
import id.jamsos.notification.NoticeArgument;
import id.jamsos.notification.Notifications;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Portal notices of payments (issue 5): the payer's accounts hear that money was received and which bills it
 * settled. Written in the payment's own transaction, with the e-mails of {@link PaymentMail}: a notice exists if and
 * only if its payment does, and it costs the payment one statement instead of a listener transaction of its own.
 * Each notice is posted once per account, kind and reference. (The wage earners on a settled employer bill hear of
 * their JHT from the ledger, when it is credited.)
 */
@Component
class PaymentNotices {

    static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    static final String BILL_SETTLED = "BILL_SETTLED";

    private final Notifications notifications;

    PaymentNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** A payment and the bills it settled, told to each of the payer's {@code accounts}. */
    void receivedAndSettled(List<UUID> accounts, KnownPayer payer, long paymentId, Rupiah amount, LocalDate paidOn,
                            List<Allocator.SettledBill> settled) {
        List<Notice> notices = new ArrayList<>();
        for (UUID account : accounts) {
            notices.add(new Notice(account, PAYMENT_RECEIVED, String.valueOf(paymentId), "notice.payment-received",
                    List.of(NoticeArgument.amount(amount), NoticeArgument.text(payer.name()),
                            NoticeArgument.day(paidOn)), "/pembayaran/" + paymentId));
        }
        notices.addAll(settledNotices(accounts, payer, settled));
        post(notices);
    }

    /** Bills settled by money the payer had already paid (credit, suspense), told to each of {@code accounts}. */
    void settled(List<UUID> accounts, KnownPayer payer, List<Allocator.SettledBill> settled) {
        post(settledNotices(accounts, payer, settled));
    }

    private static List<Notice> settledNotices(List<UUID> accounts, KnownPayer payer,
                                               List<Allocator.SettledBill> settled) {
        List<Notice> notices = new ArrayList<>();
        for (UUID account : accounts) {
            for (Allocator.SettledBill bill : settled) {
                notices.add(new Notice(account, BILL_SETTLED, String.valueOf(bill.billId()), "notice.bill-settled",
                        List.of(NoticeArgument.month(bill.period()), NoticeArgument.text(payer.name()),
                                NoticeArgument.amount(bill.contribution().plus(bill.penalty()))), "/pembayaran"));
            }
        }
        return notices;
    }

    private void post(List<Notice> notices) {
        if (!notices.isEmpty()) {
            notifications.postNotices(notices);
        }
    }
}
