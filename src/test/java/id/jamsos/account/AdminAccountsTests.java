package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.TestMail;
import id.jamsos.platform.Command;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff accounts: the first administrator from the command line, officers invited by an administrator, and nobody
 * else reaching the administration pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AdminAccountsTests {

    static final String PASSWORD = "candi borobudur saat matahari terbit";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<Command> commands;
    @LocalServerPort
    int port;

    @Test
    void theFirstAdministratorComesFromTheCommandLineAndInvitesAnOfficer() throws Exception {
        Visitor admin = administrator();
        assertThat(admin.get("/admin/akun").status()).isEqualTo(200);

        String officerEmail = Visitor.uniqueEmail("officer");
        Visitor.Page invited = admin.submit("/admin/akun", "/admin/akun", "fullName", "Budi Petugas",
                "email", officerEmail, "mobileNumber", "081211223344", "role", "OFFICER");
        assertThat(invited.location()).isEqualTo("/admin/akun");

        MimeMessage invitation = TestMail.awaitMessagesTo(officerEmail, 1).get(0);
        String link = Visitor.pathOf(TestMail.linkIn(invitation, "/atur-ulang-sandi"));
        Visitor officer = new Visitor(port, mvc);
        officer.submit(link, "/atur-ulang-sandi", "token", link.substring(link.indexOf("token=") + 6),
                "password", PASSWORD, "passwordAgain", PASSWORD);
        assertThat(officer.signIn(officerEmail, PASSWORD).location()).startsWith("/akun");
        assertThat(officer.get("/akun").body()).contains("Petugas");
        assertThat(officer.get("/admin/akun").status()).isEqualTo(403);

        assertThat(jdbc.sql("SELECT role FROM account.account WHERE email = :e").param("e", officerEmail)
                .query(String.class).single()).isEqualTo("OFFICER");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action LIKE 'STAFF%' AND target_id = "
                        + "(SELECT id::text FROM account.account WHERE email = :e)").param("e", officerEmail)
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void anInvitationWithABadRoleIsRefusedAndCreatesNothing() throws Exception {
        Visitor admin = administrator();
        int before = jdbc.sql("SELECT count(*) FROM account.account").query(Integer.class).single();
        Visitor.Page refused = admin.submit("/admin/akun", "/admin/akun", "fullName", "Coba Coba",
                "email", Visitor.uniqueEmail("bad-role"), "mobileNumber", "081211223344", "role", "MEMBER");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Pilih peran petugas");
        assertThat(jdbc.sql("SELECT count(*) FROM account.account").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void membersAndStrangersNeverReachTheAdministration() throws Exception {
        String email = Visitor.uniqueEmail("member");
        Visitor member = new Visitor(port, mvc);
        member.registerAndVerify("Anggota Biasa", email, PASSWORD);
        member.signIn(email, PASSWORD);
        for (String path : List.of("/admin/akun", "/admin/audit", "/dev/mailbox")) {
            assertThat(member.get(path).status()).as(path).isEqualTo(403);
        }
        Visitor.Page forged = member.submit("/akun", "/admin/akun", "fullName", "Penyusup", "email",
                Visitor.uniqueEmail("forged"), "mobileNumber", "081211223344", "role", "ADMIN");
        assertThat(forged.status()).isEqualTo(403);

        Visitor stranger = new Visitor(port, mvc);
        assertThat(stranger.get("/admin/akun").location()).isEqualTo("/masuk");
        assertThat(stranger.get("/akun").location()).isEqualTo("/masuk");
    }

    /** Runs {@code admin create} as an operator would and signs in with the password it prints once. */
    private Visitor administrator() throws Exception {
        String email = Visitor.uniqueEmail("admin");
        Command create = commands.stream().filter(c -> c.name().equals("admin create")).findFirst().orElseThrow();
        StringWriter out = new StringWriter();
        int exit = create.run(List.of("--email", email, "--name", "Admin Pertama"), new PrintWriter(out, true));
        assertThat(exit).as(out.toString()).isZero();
        String password = out.toString().lines().filter(line -> line.startsWith("Password"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();

        StringWriter again = new StringWriter();
        assertThat(create.run(List.of("--email", email), new PrintWriter(again, true))).isEqualTo(1);

        Visitor admin = new Visitor(port, mvc);
        assertThat(admin.signIn(email, password).location()).startsWith("/akun");
        return admin;
    }
}
