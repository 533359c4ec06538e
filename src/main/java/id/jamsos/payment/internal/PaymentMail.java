package id.jamsos.payment.internal;

import id.jamsos.account.AccountContacts;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import id.jamsos.employer.EmployerDirectory;
import id.jamsos.membership.Members;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the payer by e-mail (outbox, in the payment's transaction) that money was received and which bills it
 * settled: a member at their account's address, an employer at each of its administrators' addresses, each in the
 * language of their own account. (The portal notices of the same facts come from {@link PaymentNotices}, in the
 * same transaction.)
 */
@Component
class PaymentMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final AccountContacts accounts;
    private final Members members;
    private final EmployerDirectory employers;

    PaymentMail(Notifications notifications, AccountContacts accounts, Members members, EmployerDirectory employers) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.members = members;
        this.employers = employers;
    }

    /** A payment and the bills it settled, e-mailed to each of the payer's {@code accounts}. */
    void receivedAndSettled(List<UUID> accounts, KnownPayer payer, long paymentId, Rupiah amount,
                            List<Allocator.SettledBill> settled, LocalDate paidOn) {
        List<AccountContacts.Recipient> recipients = recipients(accounts);
        received(recipients, payer, paymentId, amount, paidOn);
        tellSettled(recipients, payer, settled, paidOn);
    }

    private void received(List<AccountContacts.Recipient> recipients, KnownPayer payer, long paymentId,
                          Rupiah amount, LocalDate paidOn) {
        for (AccountContacts.Recipient to : recipients) {
            notifications.sendEmail(new EmailMessage(to.email(), to.language(), "payment-received", Map.of(
                    "name", to.fullName(), "payer", payer.name(), "amount", amount.formatted(),
                    "paidOn", DAY.format(paidOn), "paymentId", paymentId)));
        }
    }

    void settled(List<UUID> accounts, KnownPayer payer, List<Allocator.SettledBill> settled, LocalDate paidOn) {
        if (!settled.isEmpty()) {
            tellSettled(recipients(accounts), payer, settled, paidOn);
        }
    }

    private void tellSettled(List<AccountContacts.Recipient> recipients, KnownPayer payer,
                             List<Allocator.SettledBill> settled, LocalDate paidOn) {
        if (settled.isEmpty()) {
            return;
        }
        List<String> billIds = new ArrayList<>();
        Rupiah total = Rupiah.ZERO;
        for (Allocator.SettledBill bill : settled) {
            billIds.add(String.valueOf(bill.billId()));
            total = total.plus(bill.contribution()).plus(bill.penalty());
        }
        for (AccountContacts.Recipient to : recipients) {
            notifications.sendEmail(new EmailMessage(to.email(), to.language(), "payment-bill-settled", Map.of(
                    "name", to.fullName(), "payer", payer.name(), "bills", String.join(", ", billIds),
                    "total", total.formatted(), "paidOn", DAY.format(paidOn))));
        }
    }

    private List<AccountContacts.Recipient> recipients(List<UUID> accountIds) {
        return accountIds.stream().map(accounts::recipient).flatMap(java.util.Optional::stream).toList();
    }

    /** Who speaks for a payer: the member's own account, or each administrator of the employer. */
    List<UUID> accountsOf(Payer payer) {
        return payer.employerId() != null ? employers.administrators(payer.employerId())
                : members.byId(payer.memberId()).map(m -> List.of(m.accountId())).orElse(List.of());
    }
}
