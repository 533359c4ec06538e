package id.jamsos.payment.internal;

import id.jamsos.account.AccountDirectory;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.EmployerDirectory;
import id.jamsos.membership.Members;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the payer by e-mail (outbox, in the payment's transaction) that money was received and which bills it
 * settled: a member at their account's address, an employer at each of its administrators' addresses. The account
 * register keeps no language, so messages go out in Indonesian, the platform's first language; the templates exist in
 * both.
 */
@Component
class PaymentMail {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final AccountDirectory accounts;
    private final Members members;
    private final EmployerDirectory employers;

    PaymentMail(Notifications notifications, AccountDirectory accounts, Members members, EmployerDirectory employers) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.members = members;
        this.employers = employers;
    }

    /** A payment and the bills it settled: the recipients are looked up once for both e-mails. */
    void receivedAndSettled(KnownPayer payer, long paymentId, Rupiah amount, List<Allocator.SettledBill> settled,
                            LocalDate paidOn) {
        List<AccountDirectory.KnownAccount> recipients = recipients(payer);
        received(recipients, payer, paymentId, amount, paidOn);
        settled(recipients, payer, settled, paidOn);
    }

    private void received(List<AccountDirectory.KnownAccount> recipients, KnownPayer payer, long paymentId,
                          Rupiah amount, LocalDate paidOn) {
        for (AccountDirectory.KnownAccount to : recipients) {
            notifications.sendEmail(new EmailMessage(to.email(), INDONESIAN, "payment-received", Map.of(
                    "name", to.fullName(), "payer", payer.name(), "amount", amount.formatted(),
                    "paidOn", DAY.format(paidOn), "paymentId", paymentId)));
        }
    }

    void settled(KnownPayer payer, List<Allocator.SettledBill> settled, LocalDate paidOn) {
        if (!settled.isEmpty()) {
            settled(recipients(payer), payer, settled, paidOn);
        }
    }

    private void settled(List<AccountDirectory.KnownAccount> recipients, KnownPayer payer,
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
        for (AccountDirectory.KnownAccount to : recipients) {
            notifications.sendEmail(new EmailMessage(to.email(), INDONESIAN, "payment-bill-settled", Map.of(
                    "name", to.fullName(), "payer", payer.name(), "bills", String.join(", ", billIds),
                    "total", total.formatted(), "paidOn", DAY.format(paidOn))));
        }
    }

    private List<AccountDirectory.KnownAccount> recipients(KnownPayer payer) {
        List<UUID> accountIds = payer.isEmployer() ? employers.administrators(payer.payer().employerId())
                : members.byId(payer.payer().memberId()).map(m -> List.of(m.accountId())).orElse(List.of());
        return accountIds.stream().map(accounts::byId).flatMap(java.util.Optional::stream).toList();
    }
}
