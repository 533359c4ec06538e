package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.platform.PersonalData;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The NIK uniqueness rule read as "a person activates online once" (V62): a card an employer registered earlier with
 * the same NIK does not stop the person from activating online, and finding a member by NIK answers the online
 * membership before older cards; a second online membership for one NIK stays impossible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OlderCardsTests {

    static final String PASSWORD = "kartu lama dari pabrik";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    Members members;
    @LocalServerPort
    int port;

    @Test
    void aCardAnEmployerRegisteredDoesNotStopTheSamePersonActivatingOnline() throws Exception {
        String nik = "3273011406880003";
        UUID oldCard = employerCard(nik, LocalDate.of(1988, 6, 14));
        assertThat(members.byNik(Nik.parse(nik, LocalDate.of(2026, 12, 1)))).map(Member::id).contains(oldCard);

        String email = Visitor.uniqueEmail("older-card");
        Visitor member = Visitor.signedInMember(port, mvc, "Joko Susilo", email, PASSWORD);
        Visitor.Page saved = member.submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", nik,
                "kk", "3273011503200012", "fullName", "Joko Susilo", "birthPlace", "Bandung",
                "birthDate", "1988-06-14", "gender", "MALE", "motherMaidenName", "Siti Aminah"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).isEqualTo("/aktivasi");

        // A second ONLINE member with that NIK is refused by the database itself.
        byte[] hash = personalData.lookupHash(nik);
        UUID account = UUID.randomUUID();
        UUID application = application(account, hash);
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, 'Joko Susilo', 'ACTIVE', '2026-01-01', now())""")
                .param("id", UUID.randomUUID()).param("account", account).param("application", application)
                .param("kpj", Kpj.issue(95, 2).value()).param("hash", hash).update();
        assertThat(members.byNik(Nik.parse(nik, LocalDate.of(2026, 12, 1)))).map(Member::accountId).contains(account);
        UUID otherAccount = UUID.randomUUID();
        UUID otherApplication = application(otherAccount, hash);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, 'Joko Susilo', 'ACTIVE', '2026-01-01', now())""")
                .param("id", UUID.randomUUID()).param("account", otherAccount).param("application", otherApplication)
                .param("kpj", Kpj.issue(95, 3).value()).param("hash", hash).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // An older card has no account: it cannot pose as an online membership.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO membership.member (id, kpj, nik_hash, full_name, status, activated_on, created_at,
                                                       origin, birth_date)
                        VALUES (:id, :kpj, :hash, 'X', 'ACTIVE', '2026-01-01', now(), 'ONLINE', '1988-06-14')""")
                .param("id", UUID.randomUUID()).param("kpj", Kpj.issue(95, 4).value()).param("hash", hash).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID employerCard(String nik, LocalDate born) {
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.member (id, kpj, nik_hash, full_name, status, activated_on, created_at,
                                                       origin, birth_date)
                        VALUES (:id, :kpj, :hash, 'JOKO SUSILO', 'ACTIVE', '2016-04-01', now(), 'EMPLOYER', :born)""")
                .param("id", member).param("kpj", Kpj.issue(95, 1).value()).param("hash", personalData.lookupHash(nik))
                .param("born", born).update();
        return member;
    }

    private UUID application(UUID account, byte[] hash) {
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            created_at, updated_at, decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, 'Joko Susilo', now(), now(), :officer, now())""")
                .param("id", application).param("account", account).param("sealed", new byte[] {1})
                .param("hash", hash).param("officer", UUID.randomUUID()).update();
        return application;
    }
}
