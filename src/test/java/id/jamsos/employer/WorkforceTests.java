package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.EmployerFixtures.TestMember;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.WageReports;
import id.jamsos.platform.PersonalData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What billing reads: who is employed in a month and at which wage. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WorkforceTests {

    static final Period MARCH = Period.of(2025, 3);

    @Autowired
    Workforce workforce;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    WageReports reports;

    EmployerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EmployerFixtures(jdbc, personalData);
    }

    @Test
    void billsEveryEmploymentActiveOnAnyDayOfTheMonthAtTheLatestReportedWage() {
        long employer = fixtures.employer("PT Maju Jaya", 2);
        TestMember wholeMonth = fixtures.member("Andi Wijaya");
        TestMember leftMidMarch = fixtures.member("Budi Hartono");
        TestMember joinedMidMarch = fixtures.member("Citra Lestari");
        TestMember leftInFebruary = fixtures.member("Dedi Kurniawan");
        TestMember joinsInApril = fixtures.member("Eka Putri");
        TestMember leftOnFirstOfMarch = fixtures.member("Fajar Nugroho");
        fixtures.employment(employer, wholeMonth, LocalDate.of(2024, 1, 1), null, 5_000_000);
        fixtures.employment(employer, leftMidMarch, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 3, 15), 6_000_000);
        fixtures.employment(employer, joinedMidMarch, LocalDate.of(2025, 3, 16), null, 7_000_000);
        fixtures.employment(employer, leftInFebruary, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 2, 28), 8_000_000);
        fixtures.employment(employer, joinsInApril, LocalDate.of(2025, 4, 1), null, 9_000_000);
        fixtures.employment(employer, leftOnFirstOfMarch, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 3, 1), 4_000_000);
        report(employer, Period.of(2025, 1), wholeMonth, 5_500_000);
        report(employer, Period.of(2025, 2), leftMidMarch, 6_100_000);
        report(employer, Period.of(2025, 4), wholeMonth, 9_900_000);

        Map<UUID, BillableWage> march = byMember(workforce.billableWages(MARCH, employer, employer + 1));

        assertThat(march.keySet()).containsExactlyInAnyOrder(wholeMonth.id(), leftMidMarch.id(), joinedMidMarch.id(),
                leftOnFirstOfMarch.id());
        assertThat(march.get(wholeMonth.id()).wage()).as("January's report, the latest before March")
                .isEqualTo(Rupiah.of(5_500_000));
        assertThat(march.get(leftMidMarch.id()).wage()).isEqualTo(Rupiah.of(6_100_000));
        assertThat(march.get(joinedMidMarch.id()).wage()).as("no report: the wage at joining")
                .isEqualTo(Rupiah.of(7_000_000));
        assertThat(march.get(wholeMonth.id()).riskClass()).isEqualTo(RiskClass.of(2));
        assertThat(byMember(workforce.billableWages(Period.of(2025, 4), employer, employer + 1))
                .get(wholeMonth.id()).wage()).as("April's own report").isEqualTo(Rupiah.of(9_900_000));

        report(employer, MARCH, wholeMonth, 5_750_000);
        assertThat(byMember(workforce.billableWages(MARCH, employer, employer + 1)).get(wholeMonth.id()).wage())
                .as("March's own report, even after April's").isEqualTo(Rupiah.of(5_750_000));
    }

    @Test
    void readsOnlyTheEmployerIdRangeInEmployerThenMemberOrder() {
        long first = fixtures.employer("CV Satu", 1);
        long second = fixtures.employer("CV Dua", 5);
        long third = fixtures.employer("CV Tiga", 3);
        for (long employer : new long[] {first, second, third}) {
            for (int i = 0; i < 3; i++) {
                fixtures.employment(employer, fixtures.member("Pekerja " + employer + " " + i), LocalDate.of(2025, 1, 1),
                        null, 5_000_000);
            }
        }
        List<BillableWage> chunk = workforce.billableWages(MARCH, first, third);
        assertThat(chunk).hasSize(6).extracting(BillableWage::employerId).containsOnly(first, second);
        // PostgreSQL orders UUIDs by their bytes, as their hexadecimal text sorts (Java compares signed longs).
        assertThat(chunk).isSortedAccordingTo((a, b) -> a.employerId() != b.employerId()
                ? Long.compare(a.employerId(), b.employerId())
                : a.memberId().toString().compareTo(b.memberId().toString()));
        assertThat(workforce.highestEmployerId().orElseThrow()).isGreaterThanOrEqualTo(third);
        assertThat(workforce.employer(second)).get().extracting(Employer::riskClass).isEqualTo(RiskClass.of(5));
    }

    @Test
    void aWorkerWhoLeftAndCameBackInOneMonthIsBilledOnceAtTheNewWage() {
        long employer = fixtures.employer("PT Kembali", 1);
        TestMember worker = fixtures.member("Gita Sari");
        fixtures.employment(employer, worker, LocalDate.of(2024, 6, 1), LocalDate.of(2025, 3, 5), 5_000_000);
        report(employer, Period.of(2025, 2), worker, 5_200_000);
        fixtures.employment(employer, worker, LocalDate.of(2025, 3, 20), null, 6_500_000);

        List<BillableWage> march = workforce.billableWages(MARCH, employer, employer + 1);
        assertThat(march).singleElement().extracting(BillableWage::wage).isEqualTo(Rupiah.of(6_500_000));
    }

    /** Reported on screen and applied, as an employer's administrator does. */
    private void report(long employer, Period period, TestMember worker, long wage) {
        long id = reports.fromScreen(employer, UUID.randomUUID(), period.toString(), List.of(worker.kpj()),
                List.of(Long.toString(wage)));
        assertThat(reports.apply(employer, id, new Actor(UUID.randomUUID(), "test", null), false)).isTrue();
    }

    private static Map<UUID, BillableWage> byMember(List<BillableWage> wages) {
        return wages.stream().collect(Collectors.toMap(BillableWage::memberId, w -> w));
    }
}
