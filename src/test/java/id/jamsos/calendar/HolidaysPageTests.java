package id.jamsos.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators keep the holiday table; working days follow it at once; nobody else may change it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HolidaysPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendar calendar;
    @LocalServerPort
    int port;

    @Test
    void anAdministratorAddsJointLeaveAndWorkingDaysSkipIt() throws Exception {
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        assertThat(admin.get("/admin/hari-libur?tahun=2031").body()).contains("Hari Kemerdekaan Republik Indonesia")
                .contains("17/08/2031");

        LocalDate monday = LocalDate.of(2031, 3, 3); // a Monday
        assertThat(calendar.workingDays().plus(monday, 1)).isEqualTo(LocalDate.of(2031, 3, 4));
        Visitor.Page added = admin.submit("/admin/hari-libur", "/admin/hari-libur", "day", "2031-03-04",
                "nameId", "Cuti bersama Nyepi", "nameEn", "Nyepi joint leave", "kind", "JOINT_LEAVE",
                "source", "SKB 3 Menteri 2031 (contoh)");
        assertThat(added.location()).isEqualTo("/admin/hari-libur?tahun=2031");
        assertThat(calendar.workingDays().plus(monday, 1)).isEqualTo(LocalDate.of(2031, 3, 5));

        Visitor.Page twice = admin.submit("/admin/hari-libur", "/admin/hari-libur", "day", "2031-03-04",
                "nameId", "Lagi", "nameEn", "Again", "kind", "JOINT_LEAVE", "source", "x");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("Tanggal itu sudah ada di tabel");
        for (String[] bad : new String[][] {{"day", "kemarin"}, {"kind", "HOLIDAY"}, {"nameId", ""}, {"source", "x".repeat(400)}}) {
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of("day", "2031-03-06",
                    "nameId", "Contoh", "nameEn", "Example", "kind", "MOVABLE", "source", "Contoh"));
            fields.put(bad[0], bad[1]);
            java.util.List<String> flat = new java.util.ArrayList<>();
            fields.forEach((k, v) -> { flat.add(k); flat.add(v); });
            Visitor.Page refused = admin.submit("/admin/hari-libur", "/admin/hari-libur", flat.toArray(String[]::new));
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).contains("role=\"alert\"").doesNotContain("{0}");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM calendar.holiday WHERE day = '2031-03-06'").query(Integer.class).single())
                .isZero();

        admin.submit("/admin/hari-libur?tahun=2031", "/admin/hari-libur/hapus", "day", "2031-03-04");
        assertThat(calendar.workingDays().plus(monday, 1)).isEqualTo(LocalDate.of(2031, 3, 4));
        assertThat(jdbc.sql("SELECT action FROM audit.audit_event WHERE target_type = 'HOLIDAY' AND target_id = '2031-03-04'"
                + " ORDER BY id").query(String.class).list()).containsExactly("HOLIDAY_ADDED", "HOLIDAY_REMOVED");
    }

    @Test
    void officersAndMembersCannotChangeIt() throws Exception {
        Visitor officer = new Visitor(port, mvc);
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        assertThat(officer.get("/admin/hari-libur").status()).isEqualTo(403);
        assertThat(officer.submit("/akun", "/admin/hari-libur", "day", "2031-03-07", "nameId", "x", "nameEn", "x",
                "kind", "MOVABLE", "source", "x").status()).isEqualTo(403);
    }
}
