package id.jamsos.reactivation;

import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.membership.DetailChange;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberReactivated;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.membership.StatusChange;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import id.jamsos.reactivation.internal.Reactivations;
import id.jamsos.reactivation.internal.Reactivations.Officer;
import id.jamsos.reactivation.internal.Reactivations.Outcome;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reactivation at a branch over HTTP as an officer works: find the member three ways, update their data (history
 * kept), record the documents, print the quote, be refused while the arrears are unpaid (even by a forged request),
 * take cash at the payments pages, reactivate. And two officers reactivating at once make one reactivation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@RecordApplicationEvents
class OfficerReactivationTests {

    static final String PASSWORD = "Petugas-Reaktivasi-2026";
    static final String BASE = "/petugas/reaktivasi/";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final Pattern PAYMENT = Pattern.compile("/petugas/pembayaran/([0-9]+)$");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    BillingRun billing;
    @Autowired
    BpuLapses lapses;
    @Autowired
    Bills bills;
    @Autowired
    Members members;
    @Autowired
    Reactivations reactivations;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    @Test
    void anOfficerFindsUpdatesQuotesTakesCashAndReactivatesAndAForgedReactivationIsRefused() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        TestMember rina = lapsedWithThreeUnpaidMonths(fixtures);
        String officerEmail = Visitor.uniqueEmail("officer-react");
        Visitor officer = officer(fixtures, officerEmail);
        String page = BASE + rina.id();

        // Found by NIK, by KPJ, by name and date of birth; a malformed NIK is a 400.
        assertThat(officer.get("/petugas/reaktivasi?nik=" + rina.nik().value()).location()).endsWith(page);
        assertThat(officer.get("/petugas/reaktivasi?kpj=" + rina.kpj().value()).location()).endsWith(page);
        assertThat(officer.get("/petugas/reaktivasi?name=" + rina.name().toUpperCase().replace(' ', '+')
                + "&birthDate=" + rina.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).location())
                .endsWith(page);
        Visitor.Page bad = officer.get("/petugas/reaktivasi?nik=12345");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"");
        assertThat(officer.get(BASE + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(officer.get(BASE + "not-an-id").status()).isEqualTo(404);

        LocalDate today = LocalDate.now(JAKARTA);
        ArrearsStatement owed = bills.arrears(Payer.member(rina.id()), today);
        assertThat(owed.bills()).hasSize(3);
        Visitor.Page view = officer.get(page);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains(rina.nik().masked()).doesNotContain(rina.nik().value())
                .contains("Tidak aktif").contains(owed.total().formatted()).contains("Tunggakan belum lunas")
                .contains("/petugas/pembayaran?cari=" + rina.kpj().value());
        assertThat(officer.get(page).body()).as("who looked recently").contains(officerEmail);
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_VIEWED'"
                + " AND target_id = ?", rina.id().toString())).isGreaterThanOrEqualTo(2);

        // The quote as PDF, line by line, valid to the end of the month.
        HttpResponse<byte[]> pdf = officer.download(page + "/penawaran.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Penawaran reaktivasi").contains(rina.kpj().value())
                    .contains(owed.total().formatted())
                    .contains(today.withDayOfMonth(today.lengthOfMonth()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }

        // A forged reactivation before anything is paid: refused, audited, nothing changes.
        Visitor.Page forged = officer.submit(page, page + "/aktifkan");
        assertThat(forged.status()).isEqualTo(409);
        assertThat(forged.body()).contains("tunggakan belum lunas");
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_REACTIVATION'"
                + " AND outcome = 'DENIED' AND target_id = ? AND details->>'why' = 'ARREARS_UNPAID'",
                rina.id().toString())).isEqualTo(1);

        // Data updated with reasons; a second address keeps the first in the history; bad input changes nothing.
        assertThat(officer.submit(page, page + "/data", "field", "DOMICILE_ADDRESS", "value", "Jl. Lama 1, Bandung",
                "reason", "Alamat domisili sesuai pengakuan").status()).isEqualTo(302);
        assertThat(officer.submit(page, page + "/data", "field", "DOMICILE_ADDRESS", "value", "Jl. Baru 2, Bandung",
                "reason", "Pindah rumah bulan lalu").status()).isEqualTo(302);
        assertThat(officer.submit(page, page + "/data", "field", "ACTIVE_PHONE", "value", "0812-3456-7890",
                "reason", "Nomor baru").status()).isEqualTo(302);
        Visitor.Page badPhone = officer.submit(page, page + "/data", "field", "ACTIVE_PHONE", "value", "12",
                "reason", "x");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(officer.submit(page, page + "/data", "field", "EMPLOYMENT_STATUS", "value", "BOSS",
                "reason", "x").status()).isEqualTo(400);
        assertThat(officer.submit(page, page + "/data", "field", "EMPLOYMENT_STATUS", "value", "INFORMAL",
                "reason", "").status()).isEqualTo(400);
        assertThat(officer.submit(page, page + "/data", "field", "EMPLOYMENT_STATUS", "value", "INFORMAL",
                "reason", "Berdagang di pasar").status()).isEqualTo(302);
        List<DetailChange> history = members.detailHistory(rina.id());
        assertThat(history).extracting(DetailChange::value)
                .containsExactly("Jl. Lama 1, Bandung", "Jl. Baru 2, Bandung", "+6281234567890", "INFORMAL");
        assertThat(history).allSatisfy(change -> assertThat(change.byActor()).isEqualTo(officerEmail));
        assertThat(officer.submit(page, page + "/dokumen", "document", "KTP", "document", "KK", "document", "OLD_CARD")
                .status()).isEqualTo(302);

        // Still refused: data and documents complete, arrears not.
        assertThat(officer.submit(page, page + "/aktifkan").status()).isEqualTo(409);

        // Cash at the payments pages, linked from the member's page.
        Visitor.Page payerPage = officer.get(officer.get("/petugas/pembayaran?cari=" + rina.kpj().value()).location());
        String payer = "/petugas/pembayaran/pembayar/" + rina.customerNumber();
        Visitor.Page cash = officer.submit(payer, payer + "/tunai", "amount",
                owed.total().formatted().replace("Rp", "").strip(), "token", token(payerPage.body()));
        assertThat(cash.location()).matches(".*/petugas/pembayaran/[0-9]+$");
        assertThat(bills.arrears(Payer.member(rina.id()), today).bills()).isEmpty();
        Thread.sleep(500); // the online listener ignores cash: the officer still checks the documents
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);

        Visitor.Page done = officer.submit(page, page + "/aktifkan");
        assertThat(done.status()).isEqualTo(302);
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.statusHistory(rina.id())).extracting(StatusChange::status, StatusChange::byActor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MemberStatus.NON_ACTIVE, "system"),
                        org.assertj.core.groups.Tuple.tuple(MemberStatus.ACTIVE, officerEmail));
        assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ?"
                + " AND template = 'membership-reactivated'", rina.email())).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.participation WHERE member_id = ?"
                + " AND from_period = ?", rina.id(), Period.of(today).next().toString()))
                .as("lapsed this month: billed again from the next").isEqualTo(1);
        Visitor.Page after = officer.get(page);
        assertThat(after.body()).contains("Diaktifkan kembali di kantor cabang").contains("Jl. Baru 2, Bandung")
                .contains("Jl. Lama 1, Bandung").contains("Pindah rumah bulan lalu");
        assertThat(officer.submit(page, page + "/aktifkan").status()).as("twice").isEqualTo(409);
    }

    @Test
    void aWageEarnersPageShowsTheEmploymentsAndLeavesTheArrearsToTheEmployer() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        long employer = fixtures.employer("PT Lama Sekali");
        UUID budi = fixtures.wageEarner(UUID.randomUUID(), Visitor.uniqueEmail("pu-react"), "Budi Upah", employer,
                LocalDate.of(2020, 1, 6), LocalDate.of(2020, 12, 31));
        assertThat(members.lapse(budi, id.jamsos.membership.LapseReason.EMPLOYMENT_ENDED, LocalDate.of(2020, 12, 31)))
                .isTrue();
        Visitor officer = officer(fixtures, Visitor.uniqueEmail("officer-pu"));
        Visitor.Page page = officer.get(BASE + budi);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PT Lama Sekali").contains("06/01/2020").contains("31/12/2020")
                .contains("Hubungan kerja berakhir").contains("tetap menjadi tanggungan pemberi kerja lama");
        assertThat(officer.submit(BASE + budi, BASE + budi + "/data", "field", "EMPLOYMENT_STATUS",
                "value", "NEW_EMPLOYER", "reason", "Diterima di PT Baru").status()).isEqualTo(302);
        assertThat(officer.get(BASE + budi).body()).contains("Buka halaman pemberi kerja")
                .contains("Bekerja pada pemberi kerja baru");
    }

    @Test
    void twoOfficersReactivatingAtOnceMakeOneReactivation() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Officer first = new Officer(UUID.randomUUID(), "satu@example.id", "127.0.0.1");
        Officer second = new Officer(UUID.randomUUID(), "dua@example.id", "127.0.0.1");

        // On the test thread first, so the event is seen: a paid-up lapsed member is reactivated.
        TestMember budi = paidUpAndReady(fixtures, first);
        assertThat(reactivations.reactivateAtBranch(first, budi.id())).hasValue(Outcome.REACTIVATED);
        assertThat(events.stream(MemberReactivated.class).filter(e -> e.memberId().equals(budi.id())))
                .singleElement().satisfies(e -> assertThat(e.byAccountId()).isEqualTo(first.id()));

        for (int round = 0; round < 5; round++) {
            TestMember dewi = paidUpAndReady(fixtures, first);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (Officer officer : List.of(first, second)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return reactivations.reactivateAtBranch(officer, dewi.id()).orElseThrow();
                }));
            }
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            pool.shutdown();
            assertThat(results).containsExactlyInAnyOrder(Outcome.REACTIVATED, Outcome.ALREADY_ACTIVE);
            assertThat(fixtures.count("SELECT count(*) FROM membership.status_change WHERE member_id = ?"
                    + " AND status = 'ACTIVE'", dewi.id())).isEqualTo(1);
            assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ?"
                    + " AND template = 'membership-reactivated'", dewi.email())).isEqualTo(1);
            assertThat(fixtures.count("SELECT count(*) FROM reactivation.reactivation WHERE member_id = ?", dewi.id()))
                    .isEqualTo(1);
        }
    }

    /** Enrolled three months ago, billed each month on the 1st, never paid, lapsed today by the nightly job. */
    private TestMember lapsedWithThreeUnpaidMonths(ReactivationFixtures fixtures) {
        LocalDate today = LocalDate.now(JAKARTA);
        Period first = Period.of(today).plusMonths(-3);
        TestMember member = fixtures.informalWorker(UUID.randomUUID(), Visitor.uniqueEmail("bpu-branch"), first,
                2_500_000);
        for (Period month = first; month.isBefore(Period.of(today)); month = month.next()) {
            billing.run(month, EnumSet.of(Category.BPU), at(month.firstDay(), 1), p -> { });
        }
        lapses.lapse(today);
        assertThat(members.byId(member.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        return member;
    }

    /** A member who lapsed and owes nothing, with data and documents recorded. */
    private TestMember paidUpAndReady(ReactivationFixtures fixtures, Officer officer) {
        LocalDate today = LocalDate.now(JAKARTA);
        TestMember member = fixtures.informalWorker(UUID.randomUUID(), Visitor.uniqueEmail("bpu-race"),
                Period.of(today).plusMonths(6), 2_000_000);
        assertThat(members.lapse(member.id(), id.jamsos.membership.LapseReason.CONTRIBUTIONS_UNPAID, today)).isTrue();
        reactivations.updateDetail(officer, member.id(), MemberField.DOMICILE_ADDRESS, "Jl. Sama 3", "Datang ke cabang");
        reactivations.updateDetail(officer, member.id(), MemberField.ACTIVE_PHONE, "081299998888", "Nomor aktif");
        reactivations.updateDetail(officer, member.id(), MemberField.EMPLOYMENT_STATUS, "INFORMAL", "Tetap BPU");
        reactivations.recordDocuments(officer, member.id(), true, true, true);
        return member;
    }

    private Visitor officer(ReactivationFixtures fixtures, String email) throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        visitor.registerAndVerify("Sari Petugas", email, PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(email)).update();
        visitor.signInAsOwner(email, PASSWORD);
        return visitor;
    }

    private static String token(String body) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
