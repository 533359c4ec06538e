package id.jamsos.account.internal;

import id.jamsos.account.Role;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data: one account of each role on an empty database, and their addresses and passwords in the log at every
 * start, so a newcomer can try each journey. Never under the {@code prod} profile.
 */
@Component
@Order(0)
@Profile("!prod")
@ConditionalOnProperty(name = "jamsos.demo-data.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    record Demo(Role role, String name, String email, String mobile, String password) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo(Role.MEMBER, "Siti Rahmawati", "peserta@demo.jamsos.test", "081234500001", "Peserta-Demo-Jamsos-1"),
            new Demo(Role.OFFICER, "Budi Santoso", "petugas@demo.jamsos.test", "081234500002", "Petugas-Demo-Jamsos-2"),
            new Demo(Role.EMPLOYER_ADMIN, "Dewi Lestari", "pemberi-kerja@demo.jamsos.test", "081234500003",
                    "PemberiKerja-Demo-Jamsos-3"),
            new Demo(Role.ADMIN, "Agus Wijaya", "admin@demo.jamsos.test", "081234500004", "Admin-Demo-Jamsos-4"),
            // Members that already have a membership (loaded by the membership and employer demo data): an informal
            // worker with open monthly bills, and two wage earners of the demo employer.
            new Demo(Role.MEMBER, "Rudi Hartono", "bpu@demo.jamsos.test", "081234500005", "PesertaBpu-Demo-Jamsos-5"),
            new Demo(Role.MEMBER, "Andi Wijaya", "pekerja@demo.jamsos.test", "081234500006", "Pekerja-Demo-Jamsos-6"),
            new Demo(Role.MEMBER, "Maya Sari", "pekerja2@demo.jamsos.test", "081234500007", "Pekerja-Demo-Jamsos-7"));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final StaffAccounts staff;

    DemoAccounts(StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (staff.noAccountsYet()) {
            ACCOUNTS.forEach(demo -> staff.createWithPassword(PersonName.parse(demo.name()),
                    EmailAddress.parse(demo.email()), MobileNumber.parse(demo.mobile()), demo.role(),
                    demo.password(), "demo data"));
            log.info("Loaded demo data: one account of each role.");
        }
        StringBuilder table = new StringBuilder("Demo accounts (demo data; never in prod):");
        ACCOUNTS.forEach(demo -> table.append(String.format("%n  %-15s %-30s %s", demo.role(), demo.email(),
                demo.password())));
        table.append(String.format("%n  Sign in at the /masuk page; e-mails appear at /dev/mailbox (administrator)."));
        log.info(table.toString());
    }
}
