package id.jamsos.reactivation.internal;

import id.jamsos.account.AccountContacts;
import id.jamsos.common.Period;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.DueBill;
import id.jamsos.employer.BillableWage;
import id.jamsos.employer.Employer;
import id.jamsos.employer.Workforce;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notice;
import id.jamsos.notification.NoticeArgument;
import id.jamsos.notification.Notifications;
import id.jamsos.platform.PublicAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders so that nobody lapses unawares (RULES.md §4): an informal worker (BPU) is told a configurable number of
 * days before a bill's due date and again when it became overdue; a wage earner is told when their employer has not
 * paid their month by its due date, with what they can do. Each reminder once per bill and member
 * ({@code reactivation.reminder}), so the daily job may run twice or catch up a missed week; it is an e-mail in the
 * language of the member's account and a notice in their portal.
 */
@Component
public class Reminders {

    /** How far back an overdue bill is still announced when the job missed days. */
    static final int CATCH_UP_DAYS = 7;
    static final int PAGE = 1_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Bills bills;
    private final Members members;
    private final Workforce workforce;
    private final AccountContacts accounts;
    private final Notifications notifications;
    private final PublicAddress site;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int daysBefore;

    Reminders(Bills bills, Members members, Workforce workforce, AccountContacts accounts, Notifications notifications,
              PublicAddress site, JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
              @Value("${jamsos.reminders.days-before-due:3}") int daysBefore) {
        this.bills = bills;
        this.members = members;
        this.workforce = workforce;
        this.accounts = accounts;
        this.notifications = notifications;
        this.site = site;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.daysBefore = daysBefore;
    }

    /** Sends the reminders of {@code today}; answers how many e-mails were queued. */
    public int send(LocalDate today) {
        int sent = 0;
        sent += each(Category.BPU, today, today.plusDays(daysBefore), today,
                bill -> remind(bill, bill.payer().memberId(), "BPU_DUE_SOON", "reminder-bpu-due"));
        sent += each(Category.BPU, today.minusDays(CATCH_UP_DAYS), today.minusDays(1), today,
                bill -> remind(bill, bill.payer().memberId(), "BPU_OVERDUE", "reminder-bpu-overdue"));
        sent += each(Category.PU, today.minusDays(CATCH_UP_DAYS), today.minusDays(1), today, this::employerUnpaid);
        return sent;
    }

    private interface PerBill {
        int handle(DueBill bill);
    }

    private int each(Category category, LocalDate from, LocalDate to, LocalDate asOf, PerBill handler) {
        int sent = 0;
        long after = 0;
        List<DueBill> page;
        do {
            page = bills.unpaidDue(category, from, to, asOf, after, PAGE);
            for (DueBill bill : page) {
                Integer done = transaction.execute(status -> handler.handle(bill));
                sent += done == null ? 0 : done;
                after = bill.billId();
            }
        } while (page.size() == PAGE);
        return sent;
    }

    /** Every worker the employer was billed for in that month hears that it was not paid. */
    private int employerUnpaid(DueBill bill) {
        long employerId = bill.payer().employerId();
        String employer = workforce.employer(employerId).map(Employer::name).orElse("");
        int sent = 0;
        for (BillableWage wage : workforce.billableWages(bill.period(), employerId, employerId + 1)) {
            sent += remind(bill, wage.memberId(), "EMPLOYER_UNPAID", "reminder-employer-unpaid", employer);
        }
        return sent;
    }

    private int remind(DueBill bill, UUID memberId, String kind, String template) {
        return remind(bill, memberId, kind, template, "");
    }

    private int remind(DueBill bill, UUID memberId, String kind, String template, String employer) {
        Member member = members.byId(memberId).orElse(null);
        if (member == null || member.status() != MemberStatus.ACTIVE) {
            return 0;
        }
        AccountContacts.Recipient to = accounts.recipient(member.accountId()).orElse(null);
        if (to == null || jdbc.sql("""
                        INSERT INTO reactivation.reminder (bill_id, member_id, kind, sent_at)
                        VALUES (:bill, :member, :kind, :at) ON CONFLICT DO NOTHING""")
                .param("bill", bill.billId()).param("member", memberId).param("kind", kind)
                .param("at", Timestamp.from(clock.instant())).update() == 0) {
            return 0;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", member.fullName());
        variables.put("kpj", member.kpj());
        variables.put("month", month(bill.period(), to.language()));
        variables.put("dueDate", bill.dueDate().format(DAY));
        variables.put("amount", bill.contribution().formatted());
        variables.put("employer", employer);
        variables.put("link", site.link(kind.equals("EMPLOYER_UNPAID") ? "/kepesertaan" : "/pembayaran"));
        notifications.sendEmail(new EmailMessage(to.email(), to.language(), template, variables));
        notifications.postNotice(new Notice(member.accountId(), kind, String.valueOf(bill.billId()),
                "notice." + template, List.of(NoticeArgument.month(bill.period()),
                NoticeArgument.amount(bill.contribution()), NoticeArgument.day(bill.dueDate()),
                NoticeArgument.text(employer)), kind.equals("EMPLOYER_UNPAID") ? "/kepesertaan" : "/pembayaran"));
        return 1;
    }

    private static String month(Period period, Locale language) {
        return period.firstDay().format(DateTimeFormatter.ofPattern("MMMM yyyy", language));
    }
}
