package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Role;
import id.jamsos.account.Visitor;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Officers (and administrators) register employers and link their administrators; each step is audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class EmployerRegistrationTests {

    static final String PAGE = "/petugas/pemberi-kerja";

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    Workforce workforce;

    @Test
    void anOfficerRegistersAnEmployerAndLinksItsAdministratorWhoThenSeesThePortal() throws Exception {
        Visitor officer = new Visitor(port, mvc);
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        String npp = nppNotYetUsed();
        Visitor.Page registered = officer.submit(PAGE, PAGE, "npp", npp.substring(0, 4) + "." + npp.substring(4),
                "name", "PT Sinar <Harapan>", "address", "Jl. Asia Afrika 8, Bandung", "riskClass", "3");
        assertThat(registered.status()).isEqualTo(302);
        String employerPage = registered.location();
        long id = Long.parseLong(employerPage.substring(employerPage.lastIndexOf('/') + 1));
        assertThat(officer.get(employerPage).body()).contains(npp).contains("PT Sinar &lt;Harapan&gt;")
                .contains("3 – sedang");
        assertThat(officer.get(PAGE + "?cari=Sinar").body()).contains(npp);
        assertThat(workforce.employer(id)).get().extracting(Employer::name).isEqualTo("PT Sinar <Harapan>");

        Visitor.Page taken = officer.submit(PAGE, PAGE, "npp", npp, "name", "PT Lain", "address", "Jl. Lain",
                "riskClass", "1");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("NPP ini sudah terdaftar");
        for (String[] bad : new String[][] {{"1234567", "2"}, {"12345678x", "2"}, {nppNotYetUsed(), "6"},
                {nppNotYetUsed(), "abc"}}) {
            Visitor.Page refused = officer.submit(PAGE, PAGE, "npp", bad[0], "name", "PT X", "address", "Jl. X",
                    "riskClass", bad[1]);
            assertThat(refused.status()).as(bad[0] + "/" + bad[1]).isEqualTo(400);
            assertThat(refused.body()).contains("role=\"alert\"");
        }

        String email = "pemberi-kerja-" + UUID.randomUUID() + "@example.id";
        String password = "PemberiKerja-Uji-" + UUID.randomUUID();
        staff.createWithPassword(PersonName.parse("Rina Marlina"), EmailAddress.parse(email),
                MobileNumber.parse("081234500099"), Role.EMPLOYER_ADMIN, password, "test");
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner(email, password);
        assertThat(admin.get("/pemberi-kerja").body()).contains("belum ditautkan");
        assertThat(admin.get("/pemberi-kerja/pekerja").status()).isEqualTo(404);

        assertThat(officer.submit(employerPage, employerPage + "/admin", "email", "petugas@demo.jamsos.test")
                .body()).contains("bukan akun administrator pemberi kerja");
        assertThat(officer.submit(employerPage, employerPage + "/admin", "email", "tidak-ada@example.id")
                .status()).isEqualTo(400);
        assertThat(officer.submit(employerPage, employerPage + "/admin", "email", email.toUpperCase()).status())
                .isEqualTo(302);
        assertThat(officer.get(employerPage).body()).contains("Rina Marlina");
        assertThat(admin.get("/pemberi-kerja").body()).contains("PT Sinar &lt;Harapan&gt;, NPP " + npp);
        assertThat(officer.get(PAGE + "/999999999").status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT action FROM audit.audit_event WHERE target_type = 'EMPLOYER' AND target_id = :id"
                + " ORDER BY id").param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("EMPLOYER_REGISTERED", "EMPLOYER_ADMIN_LINKED");
    }

    @Test
    void administratorsMayRegisterEmployersButMembersAndEmployerAdministratorsMayNot() throws Exception {
        Visitor administrator = new Visitor(port, mvc);
        administrator.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        assertThat(administrator.get(PAGE + "?lang=en").body()).contains("Register an employer");
        assertThat(administrator.submit(PAGE, PAGE, "npp", nppNotYetUsed(), "name", "CV Admin", "address", "Jl. A",
                "riskClass", "1").status()).isEqualTo(302);

        Visitor member = new Visitor(port, mvc);
        member.signInAsOwner("peserta@demo.jamsos.test", "Peserta-Demo-Jamsos-1");
        assertThat(member.get(PAGE).status()).isEqualTo(403);
        assertThat(member.submit("/akun", PAGE, "npp", nppNotYetUsed(), "name", "X", "address", "X", "riskClass", "1")
                .status()).isEqualTo(403);
        Visitor employerAdmin = new Visitor(port, mvc);
        employerAdmin.signInAsOwner("pemberi-kerja@demo.jamsos.test", "PemberiKerja-Demo-Jamsos-3");
        assertThat(employerAdmin.get(PAGE).status()).isEqualTo(403);
        assertThat(member.get("/pemberi-kerja").status()).isEqualTo(403);
    }

    private String nppNotYetUsed() {
        return "%08d".formatted(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }
}
