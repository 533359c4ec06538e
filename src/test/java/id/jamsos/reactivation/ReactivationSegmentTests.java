package id.jamsos.reactivation;

import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.account.Visitor;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.UnpaidBill;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employments;
import id.jamsos.membership.CategoryChange;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberProfile;
import id.jamsos.membership.MemberReactivated;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.membership.StatusChange;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.internal.Reactivations;
import id.jamsos.reactivation.internal.Reactivations.FormerEmployerArrears;
import id.jamsos.reactivation.internal.Reactivations.NewEmployer;
import id.jamsos.reactivation.internal.Reactivations.NowInformal;
import id.jamsos.reactivation.internal.Reactivations.Officer;
import id.jamsos.reactivation.internal.Reactivations.Outcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
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
 * A wage earner (PU) whose employment ended comes back in one of two ways (RULES.md §1, §4): with a new employer,
 * who pays from then on while the old employer's arrears stay the old employer's, registered at a branch by an
 * officer or by the new employer itself; or as an informal worker (BPU), at a branch or online, billed as BPU from the
 * month of reactivation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@RecordApplicationEvents
class ReactivationSegmentTests {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final long OLD_WAGE = 5_000_000;
    static final String PASSWORD = "Segmen-Reaktivasi-2026";

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
    Bills bills;
    @Autowired
    BillLines billLines;
    @Autowired
    Contributions contributions;
    @Autowired
    Members members;
    @Autowired
    Reactivations reactivations;
    @Autowired
    Employments employments;
    @Autowired
    PaymentDesk desk;
    @Autowired
    id.jamsos.contribution.internal.BpuLapses lapses;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    final Officer officer = new Officer(UUID.randomUUID(), "segmen@example.id", "127.0.0.1");

    /** A wage earner who worked for an old employer until two months ago, lapsed, and whose last month is unpaid. */
    record Lapsed(UUID memberId, long oldEmployer, UnpaidBill oldBill, Period lastMonth) {
    }

    @Test
    void anOfficerRegistersTheNewEmployerTheWorkerIsActiveTheOldArrearsStayAndTheNewEmployerBillsTheWorker()
            throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Lapsed budi = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-new"));
        long newEmployer = fixtures.employer("PT Baru Cabang");
        String npp = npp(newEmployer);
        LocalDate today = LocalDate.now(JAKARTA);

        // The quote: nothing due from the worker; the old employer's month listed for information, with his part.
        Reactivations.Quote quote = reactivations.quote(budi.memberId(), today).orElseThrow();
        assertThat(quote.settled()).isTrue();
        assertThat(quote.arrears().bills()).isEmpty();
        Rupiah ownPart = contributions.wageEarner(budi.lastMonth(), Rupiah.of(OLD_WAGE), RiskClass.of(2)).total();
        assertThat(quote.formerEmployers()).singleElement().satisfies(former -> {
            assertThat(former.employerName()).isEqualTo("PT Lama Cabang");
            assertThat(former.months()).singleElement().satisfies(month -> {
                assertThat(month.period()).isEqualTo(budi.lastMonth());
                assertThat(month.workerContribution()).isEqualTo(ownPart);
            });
        });
        List<UnpaidBill> oldBefore = bills.arrears(Payer.employer(budi.oldEmployer()), today).bills();

        readyAtBranch(budi.memberId(), "NEW_EMPLOYER");
        assertThat(reactivations.reactivateAtBranch(officer, budi.memberId()))
                .as("a wage earner is not active without work").hasValue(Outcome.EMPLOYMENT_MISSING);

        // Bad input: translated refusals, nothing changed.
        assertThatThrownBy(() -> reactivations.reactivateWithNewEmployer(officer, budi.memberId(),
                new NewEmployer("99999999", today.toString(), "6.000.000", "Kasir")))
                .isInstanceOf(InvalidValue.class).hasFieldOrPropertyWithValue("messageKey", "employment.employer.unknown");
        assertThatThrownBy(() -> reactivations.reactivateWithNewEmployer(officer, budi.memberId(),
                new NewEmployer(npp, today.toString(), "6,000.50", "Kasir")))
                .isInstanceOf(InvalidValue.class)
                .hasFieldOrPropertyWithValue("messageKey", "reactivation.new-employer.wage.invalid");
        assertThatThrownBy(() -> reactivations.reactivateWithNewEmployer(officer, budi.memberId(),
                new NewEmployer(npp, budi.lastMonth().firstDay().toString(), "6.000.000", "Kasir")))
                .isInstanceOf(InvalidValue.class)
                .hasFieldOrPropertyWithValue("messageKey", "reactivation.new-employer.start.before-lapse");
        assertThat(members.byId(budi.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(fixtures.count("SELECT count(*) FROM employer.employment WHERE member_id = ? AND employer_id = ?",
                budi.memberId(), newEmployer)).isZero();

        assertThat(reactivations.reactivateWithNewEmployer(officer, budi.memberId(),
                new NewEmployer(npp, today.toString(), "6.000.000", "Kasir"))).hasValue(Outcome.REACTIVATED);
        assertThat(members.byId(budi.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        StatusChange last = lastStatus(budi.memberId());
        assertThat(last.reason()).isEqualTo("NEW_EMPLOYMENT:" + npp);
        assertThat(last.reasonCode()).isEqualTo("NEW_EMPLOYMENT");
        assertThat(last.byActor()).isEqualTo(officer.email());
        assertThat(last.effective()).isEqualTo(today);
        assertThat(fixtures.count("SELECT count(*) FROM employer.employment WHERE member_id = ? AND employer_id = ?"
                + " AND start_date = ? AND joining_wage_rupiah = 6000000 AND end_date IS NULL", budi.memberId(),
                newEmployer, today)).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM reactivation.reactivation WHERE member_id = ?"
                + " AND channel = 'BRANCH' AND segment = 'PU'", budi.memberId())).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_REACTIVATION'"
                + " AND target_id = ? AND outcome = 'SUCCESS' AND details ->> 'newEmployer' = ?",
                budi.memberId().toString(), npp)).isEqualTo(1);
        assertThat(events.stream(MemberReactivated.class).filter(e -> e.memberId().equals(budi.memberId())))
                .hasSize(1);
        assertThat(reactivations.reactivateWithNewEmployer(officer, budi.memberId(),
                new NewEmployer(npp, today.toString(), "6.000.000", "Kasir"))).as("twice")
                .hasValue(Outcome.ALREADY_ACTIVE);

        assertOldArrearsStayAndNewEmployerBills(budi, newEmployer, oldBefore, Rupiah.of(6_000_000));
    }

    @Test
    void anEmployerRegisteringALapsedMemberMakesThemActiveWithoutAnOfficer() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Lapsed sari = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-employer"));
        long newEmployer = fixtures.employer("PT Baru Daring");
        String npp = npp(newEmployer);
        LocalDate today = LocalDate.now(JAKARTA);
        List<UnpaidBill> oldBefore = bills.arrears(Payer.employer(sari.oldEmployer()), today).bills();
        String kpj = members.byId(sari.memberId()).orElseThrow().kpj();
        Actor admin = new Actor(UUID.randomUUID(), "hrd@baru.example.id", "127.0.0.1");

        employments.join(admin, newEmployer, kpj, today.toString(), "7.000.000", "Operator");

        assertThat(members.byId(sari.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        StatusChange last = lastStatus(sari.memberId());
        assertThat(last.reason()).isEqualTo("NEW_EMPLOYMENT:" + npp);
        assertThat(last.byActor()).isEqualTo(admin.email());
        assertThat(events.stream(MemberReactivated.class).filter(e -> e.memberId().equals(sari.memberId())))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("NEW_EMPLOYMENT:" + npp));
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'EMPLOYMENT_STARTED'"
                + " AND details ->> 'membershipReactivated' = 'true' AND details ->> 'member' = ?",
                sari.memberId().toString())).isEqualTo(1);

        assertOldArrearsStayAndNewEmployerBills(sari, newEmployer, oldBefore, Rupiah.of(7_000_000));
    }

    @Test
    void aWageEarnerWhoNowWorksInformallyIsReactivatedAsBpuAtTheBranchAndBilledAsBpu() {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Lapsed dewi = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-bpu"));
        LocalDate today = LocalDate.now(JAKARTA);
        Period thisMonth = Period.of(today);
        readyAtBranch(dewi.memberId(), "INFORMAL");

        assertThatThrownBy(() -> reactivations.reactivateAsInformal(officer, dewi.memberId(),
                new NowInformal("Pedagang", "Pasar Baru", "100.000", true)))
                .isInstanceOf(InvalidValue.class)
                .hasFieldOrPropertyWithValue("messageKey", "contribution.declared-income.bounds");
        assertThatThrownBy(() -> reactivations.reactivateAsInformal(officer, dewi.memberId(),
                new NowInformal(" ", "Pasar Baru", "2.500.000", true)))
                .isInstanceOf(InvalidValue.class)
                .hasFieldOrPropertyWithValue("messageKey", "reactivation.informal.occupation");
        MemberProfile before = members.profile(dewi.memberId()).orElseThrow();
        assertThat(before.category()).isEqualTo(MemberCategory.PU);
        assertThat(before.member().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.participation WHERE member_id = ?",
                dewi.memberId())).isZero();

        assertThat(reactivations.reactivateAsInformal(officer, dewi.memberId(),
                new NowInformal("Pedagang", "Pasar Baru", "2.500.000", true))).hasValue(Outcome.REACTIVATED);
        MemberProfile after = members.profile(dewi.memberId()).orElseThrow();
        assertThat(after.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(after.category()).isEqualTo(MemberCategory.BPU);
        assertThat(after.programs()).containsExactly("JHT", "JKK", "JKM");
        assertThat(after.declaredIncome()).isEqualTo(Rupiah.of(2_500_000));
        assertThat(members.categoryHistory(dewi.memberId())).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(MemberCategory.PU);
            assertThat(change.to()).isEqualTo(MemberCategory.BPU);
            assertThat(change.reason()).isEqualTo("BRANCH_INFORMAL");
            assertThat(change.byActor()).isEqualTo(officer.email());
        });
        assertThat(lastStatus(dewi.memberId()).reason()).isEqualTo("BRANCH_INFORMAL");
        assertThat(fixtures.count("SELECT count(*) FROM reactivation.reactivation WHERE member_id = ? AND segment = 'BPU'"
                + " AND occupation = 'Pedagang' AND enrolled_from = ?", dewi.memberId(), thisMonth.toString()))
                .isEqualTo(1);

        // Billed as BPU for this month at once, and by the monthly run from the next month on.
        EnumSet<Program> programs = EnumSet.of(Program.JHT, Program.JKK, Program.JKM);
        Rupiah monthly = contributions.informal(thisMonth, Rupiah.of(2_500_000), programs).total();
        assertThat(bills.arrears(Payer.member(dewi.memberId()), today).bills()).singleElement()
                .satisfies(bill -> {
                    assertThat(bill.period()).isEqualTo(thisMonth);
                    assertThat(bill.category()).isEqualTo(Category.BPU);
                    assertThat(bill.contribution()).isEqualTo(monthly);
                });
        Period next = thisMonth.next();
        billing.run(next, EnumSet.of(Category.BPU), at(next.firstDay(), 1), p -> { });
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ? AND period = ?",
                dewi.memberId(), next.toString())).isEqualTo(1);
        assertThat(reactivations.reactivateAsInformal(officer, dewi.memberId(),
                new NowInformal("Pedagang", "Pasar Baru", "2.500.000", true))).as("twice")
                .hasValue(Outcome.ALREADY_ACTIVE);
        assertThat(members.categoryHistory(dewi.memberId())).hasSize(1);
    }

    @Test
    void aLapsedWageEarnerChoosesOnlineToContinueAsBpuAndIsActiveOncePaidByVirtualAccount() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String email = Visitor.uniqueEmail("pu-online-bpu");
        Visitor visitor = Visitor.signedInMember(port, mvc, "Tono Daring", email, PASSWORD);
        Lapsed tono = lapsedWageEarner(fixtures, fixtures.accountId(email), email);
        LocalDate today = LocalDate.now(JAKARTA);
        String page = "/kepesertaan/reaktivasi";

        Visitor.Page form = visitor.get(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"informal-form\"").contains("Lanjutkan sebagai BPU")
                .contains("Tunggakan pemberi kerja lama (sebagai informasi)").contains("PT Lama Cabang")
                .doesNotContain("class=\"button\" href=\"/pembayaran\"");
        Visitor.Page bad = visitor.submit(page, page + "/bpu", "occupation", "Ojek", "location", "Depok",
                "declaredIncome", "100");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"").contains("Pilih penghasilan yang dilaporkan antara");
        assertThat(members.profile(tono.memberId()).orElseThrow().category()).isEqualTo(MemberCategory.PU);

        assertThat(visitor.submit(page, page + "/bpu", "occupation", "Ojek", "location", "Depok",
                "declaredIncome", "3.000.000").status()).isEqualTo(302);
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_INFORMAL_CHOSEN'"
                + " AND target_id = ? AND actor = ?", tono.memberId().toString(), email.toLowerCase())).isEqualTo(1);
        MemberProfile chosen = members.profile(tono.memberId()).orElseThrow();
        assertThat(chosen.category()).isEqualTo(MemberCategory.BPU);
        assertThat(chosen.programs()).containsExactly("JKK", "JKM");
        assertThat(chosen.member().status()).as("active once paid").isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(members.categoryHistory(tono.memberId())).extracting(CategoryChange::reason)
                .containsExactly("ONLINE_INFORMAL");
        Rupiah monthly = contributions.informal(Period.of(today), Rupiah.of(3_000_000),
                EnumSet.of(Program.JKK, Program.JKM)).total();
        assertThat(bills.arrears(Payer.member(tono.memberId()), today).total()).isEqualTo(monthly);
        assertThat(visitor.get(page).body()).contains("class=\"button\" href=\"/pembayaran\"").doesNotContain("id=\"informal-form\"");
        assertThat(visitor.submit(page, page + "/bpu", "occupation", "Ojek", "location", "Depok",
                "declaredIncome", "3.000.000").status()).as("chosen once").isEqualTo(400);
        assertThat(members.categoryHistory(tono.memberId())).hasSize(1);

        String customer = "2" + members.byId(tono.memberId()).orElseThrow().kpj();
        AmountDue due = desk.due(customer, today).orElseThrow();
        assertThat(due.amount()).isEqualTo(monthly);
        desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(), customer,
                due.amount(), ReactivationFixtures.at(today, 10)));
        for (int i = 0; i < 100 && members.byId(tono.memberId()).orElseThrow().status() != MemberStatus.ACTIVE; i++) {
            Thread.sleep(100);
        }
        assertThat(members.byId(tono.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(lastStatus(tono.memberId()).reason()).isEqualTo("ONLINE_ARREARS_SETTLED");
        assertThat(members.profile(tono.memberId()).orElseThrow().category()).isEqualTo(MemberCategory.BPU);
    }

    @Test
    void theOfficersPageOffersTheNewEmployerAndTheInformalFormsAndRefusesBadInputWithAMessage() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Lapsed eko = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-page"));
        String email = Visitor.uniqueEmail("officer-segment");
        Visitor officer = new Visitor(port, mvc);
        officer.registerAndVerify("Sari Segmen", email, PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id").param("id", fixtures.accountId(email))
                .update();
        officer.signInAsOwner(email, PASSWORD);
        String page = "/petugas/reaktivasi/" + eko.memberId();
        LocalDate today = LocalDate.now(JAKARTA);

        byte[] pdf = officer.download(page + "/penawaran.pdf").body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Tunggakan pemberi kerja lama").contains("PT Lama Cabang");
        }
        Visitor.Page first = officer.get(page);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Tunggakan pemberi kerja lama (sebagai informasi)").contains("PT Lama Cabang")
                .contains("Pekerja penerima upah aktif kembali melalui pemberi kerja baru")
                .doesNotContain("id=\"new-employer-form\"").doesNotContain("id=\"informal-form\"");

        readyAtBranch(eko.memberId(), "NEW_EMPLOYER");
        assertThat(officer.get(page).body()).contains("id=\"new-employer-form\"");
        Visitor.Page unknown = officer.submit(page, page + "/pemberi-kerja-baru", "npp", "99999999",
                "startDate", today.toString(), "wage", "6.000.000", "jobTitle", "Kasir");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Tidak ada pemberi kerja terdaftar dengan NPP itu.").contains("99999999");

        reactivations.updateDetail(officer(), eko.memberId(), MemberField.EMPLOYMENT_STATUS, "INFORMAL", "Berdagang");
        Visitor.Page informal = officer.get(page);
        assertThat(informal.body()).contains("id=\"informal-form\"").contains("Ikut juga Jaminan Hari Tua (JHT)");
        Visitor.Page tooLow = officer.submit(page, page + "/bpu", "occupation", "Penjahit", "location", "Bekasi",
                "declaredIncome", "100");
        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(tooLow.body()).contains("Pilih penghasilan yang dilaporkan antara").contains("Penjahit");
        assertThat(officer.submit(page, page + "/bpu", "occupation", "Penjahit", "location", "Bekasi",
                "declaredIncome", "2.000.000", "jht", "true").location()).endsWith(page);
        Visitor.Page done = officer.get(page);
        assertThat(done.body()).contains("Diaktifkan kembali di kantor cabang sebagai peserta bukan penerima upah")
                .contains("Riwayat segmen kepesertaan").contains("PU → BPU");
        assertThat(officer.get(page + "?lang=en").body()).contains("Membership segment history");
    }

    private Officer officer() {
        return officer;
    }

    @Test
    void aLapsedInformalWorkerRegisteredByAnEmployerIsActiveAsAWageEarnerAndNoLongerBilledAsBpu() {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        LocalDate today = LocalDate.now(JAKARTA);
        Period first = Period.of(today).plusMonths(-3);
        ReactivationFixtures.TestMember rina = fixtures.informalWorker(UUID.randomUUID(),
                Visitor.uniqueEmail("bpu-to-pu"), first, 2_000_000);
        for (Period month = first; month.isBefore(Period.of(today)); month = month.next()) {
            billing.run(month, EnumSet.of(Category.BPU), at(month.firstDay(), 1), p -> { });
        }
        lapses.lapse(today);
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        long employer = fixtures.employer("PT Penerima Baru");
        Actor admin = new Actor(UUID.randomUUID(), "hrd@penerima.example.id", "127.0.0.1");

        employments.join(admin, employer, rina.kpj().value(), today.toString(), "5.500.000", "Staf gudang");

        MemberProfile profile = members.profile(rina.id()).orElseThrow();
        assertThat(profile.member().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(profile.category()).isEqualTo(MemberCategory.PU);
        assertThat(profile.programs()).containsExactly("JHT", "JKK", "JKM", "JP");
        assertThat(profile.declaredIncome()).isNull();
        assertThat(members.categoryHistory(rina.id())).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(MemberCategory.BPU);
            assertThat(change.to()).isEqualTo(MemberCategory.PU);
            assertThat(change.reason()).isEqualTo("NEW_EMPLOYMENT:" + npp(employer));
        });
        Period next = Period.of(today).next();
        billing.run(next, EnumSet.of(Category.BPU), at(next.firstDay(), 1), p -> { });
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ? AND period = ?",
                rina.id(), next.toString())).as("not billed as BPU any more").isZero();
        assertThat(bills.arrears(Payer.member(rina.id()), today).bills()).as("her BPU months stay owed").hasSize(3);
    }

    @Test
    void anOfficerAndAnEmployerRegisteringTheSameLapsedWorkerAtOnceMakeOneReactivation() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        LocalDate today = LocalDate.now(JAKARTA);
        for (int round = 0; round < 4; round++) {
            Lapsed wati = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-race"));
            readyAtBranch(wati.memberId(), "NEW_EMPLOYER");
            long atBranch = fixtures.employer("PT Cabang Balapan");
            long online = fixtures.employer("PT Daring Balapan");
            String kpj = members.byId(wati.memberId()).orElseThrow().kpj();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Future<Outcome> officerSide = pool.submit(() -> {
                start.await();
                return reactivations.reactivateWithNewEmployer(officer, wati.memberId(),
                        new NewEmployer(npp(atBranch), today.toString(), "6.000.000", "Kasir")).orElseThrow();
            });
            java.util.concurrent.Future<Long> employerSide = pool.submit(() -> {
                start.await();
                return employments.join(new Actor(UUID.randomUUID(), "hrd@balapan.example.id", "127.0.0.1"), online,
                        kpj, today.toString(), "6.000.000", "Kasir");
            });
            Outcome outcome = officerSide.get();
            employerSide.get();
            pool.shutdown();
            assertThat(outcome).isIn(Outcome.REACTIVATED, Outcome.ALREADY_ACTIVE);
            assertThat(fixtures.count("SELECT count(*) FROM membership.status_change WHERE member_id = ?"
                    + " AND status = 'ACTIVE'", wati.memberId())).isEqualTo(1);
            assertThat(fixtures.count("SELECT count(*) FROM employer.employment WHERE member_id = ? AND employer_id = ?",
                    wati.memberId(), atBranch)).as("the officer's employment only when the officer reactivated")
                    .isEqualTo(outcome == Outcome.REACTIVATED ? 1 : 0);
            assertThat(members.byId(wati.memberId()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        }
    }

    @Test
    void twoOnlineChoicesAtOnceMakeOneSegmentChangeAndOneBill() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        Lapsed ani = lapsedWageEarner(fixtures, UUID.randomUUID(), Visitor.uniqueEmail("pu-twice"));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (String income : List.of("2.000.000", "2.500.000")) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    reactivations.chooseInformalOnline(ani.memberId(), UUID.randomUUID(), "ani@example.id",
                            new NowInformal("Penjahit", "Bekasi", income, false));
                    return true;
                } catch (InvalidValue e) {
                    assertThat(e.messageKey()).isEqualTo("reactivation.informal.pu-only");
                    return false;
                }
            }));
        }
        List<Boolean> chosen = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Boolean> result : results) {
            chosen.add(result.get());
        }
        pool.shutdown();
        assertThat(chosen).containsExactlyInAnyOrder(true, false);
        assertThat(members.categoryHistory(ani.memberId())).hasSize(1);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ?", ani.memberId()))
                .isEqualTo(1);
        assertThat(members.profile(ani.memberId()).orElseThrow().declaredIncome())
                .isEqualTo(members.categoryHistory(ani.memberId()).get(0).declaredIncome());
    }

    private void assertOldArrearsStayAndNewEmployerBills(Lapsed worker, long newEmployer, List<UnpaidBill> oldBefore,
                                                         Rupiah newWage) {
        LocalDate today = LocalDate.now(JAKARTA);
        assertThat(bills.arrears(Payer.employer(worker.oldEmployer()), today).bills()).as("old employer's arrears")
                .isEqualTo(oldBefore).extracting(UnpaidBill::billId).contains(worker.oldBill().billId());
        assertThat(bills.arrears(Payer.member(worker.memberId()), today).bills()).as("nothing to the worker").isEmpty();
        Period thisMonth = Period.of(today);
        billing.run(thisMonth, EnumSet.of(Category.PU), at(today, 2), p -> { });
        long newBill = jdbc.sql("SELECT id FROM contribution.bill WHERE employer_id = :e AND period = :p")
                .param("e", newEmployer).param("p", thisMonth.toString()).query(Long.class).single();
        Rupiah expected = contributions.wageEarner(thisMonth, newWage, RiskClass.of(2)).total();
        assertThat(billLines.lines(newBill).stream().filter(l -> l.memberId().equals(worker.memberId()))
                .map(BillLines.WorkerShare::amount).reduce(Rupiah.ZERO, Rupiah::plus))
                .as("the new employer's bill carries the worker").isEqualTo(expected);
        assertThat(fixtures().count("SELECT count(*) FROM contribution.bill WHERE member_id = ?", worker.memberId()))
                .as("no bill to the worker").isZero();
    }

    private Lapsed lapsedWageEarner(ReactivationFixtures fixtures, UUID accountId, String email) {
        LocalDate today = LocalDate.now(JAKARTA);
        Period lastMonth = Period.of(today).plusMonths(-2);
        long oldEmployer = fixtures.employer("PT Lama Cabang");
        UUID member = fixtures.wageEarner(accountId, email, "Budi Pindah", oldEmployer,
                lastMonth.plusMonths(-3).firstDay(), lastMonth.lastDay());
        billing.run(lastMonth, EnumSet.of(Category.PU), at(lastMonth.next().firstDay(), 1), p -> { });
        assertThat(members.lapse(member, LapseReason.EMPLOYMENT_ENDED, lastMonth.lastDay())).isTrue();
        UnpaidBill oldBill = bills.arrears(Payer.employer(oldEmployer), today).bills().stream()
                .filter(b -> b.period().equals(lastMonth)).findFirst().orElseThrow();
        return new Lapsed(member, oldEmployer, oldBill, lastMonth);
    }

    private void readyAtBranch(UUID memberId, String employmentStatus) {
        reactivations.updateDetail(officer, memberId, MemberField.DOMICILE_ADDRESS, "Jl. Pindah 3, Bogor", "Pindah");
        reactivations.updateDetail(officer, memberId, MemberField.ACTIVE_PHONE, "081233334444", "Nomor aktif");
        reactivations.updateDetail(officer, memberId, MemberField.EMPLOYMENT_STATUS, employmentStatus, "Pekerjaan baru");
        reactivations.recordDocuments(officer, memberId, true, true, true);
    }

    private StatusChange lastStatus(UUID memberId) {
        List<StatusChange> history = members.statusHistory(memberId);
        return history.get(history.size() - 1);
    }

    private String npp(long employerId) {
        return jdbc.sql("SELECT npp FROM employer.employer WHERE id = :id").param("id", employerId)
                .query(String.class).single();
    }

    private ReactivationFixtures fixtures() {
        return new ReactivationFixtures(jdbc, personalData, informalWorkers);
    }
}
