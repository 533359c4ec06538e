package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.account.Visitor;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.employer.EmployerFixtures.TestAdmin;
import id.jamsos.employer.EmployerFixtures.TestMember;
import id.jamsos.employer.internal.Employers;
import id.jamsos.employer.internal.Employments;
import id.jamsos.employer.internal.WageFileRefused;
import id.jamsos.employer.internal.WageReports;
import id.jamsos.employer.internal.WageReports.LineProblem;
import id.jamsos.employer.internal.WageReports.Report;
import id.jamsos.common.Kpj;
import id.jamsos.platform.PersonalData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Wage files made to hurt: wrong columns, the largest allowed file and one line more, negative and absurd wages,
 * duplicate workers, spreadsheet formulas, a ZIP bomb named {@code .xlsx}. Each gets a clear per-line or file error,
 * nothing is applied, and memory stays bounded (run with the default heap).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HostileWageFileTests {

    static final String REPORTS = "/pemberi-kerja/laporan-upah";

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    Employments employments;
    @Autowired
    Employers employers;
    @Autowired
    StaffAccounts staff;
    @Autowired
    WageReports reports;

    EmployerFixtures fixtures;
    long employer;
    TestMember eko;
    TestMember fitri;

    @BeforeEach
    void anEmployerWithTwoWorkers() {
        fixtures = new EmployerFixtures(jdbc, personalData);
        employer = fixtures.employer("PT Waspada", 4);
        eko = fixtures.member("Eko Saputra");
        fitri = fixtures.member("Fitri Handayani");
        employments.join(EmployerFixtures.SOMEONE, employer, eko.kpj(), "2025-01-01", "5000000", "Staf");
        employments.join(EmployerFixtures.SOMEONE, employer, fitri.kpj(), "2025-01-01", "5000000", "Staf");
    }

    @Test
    void wrongColumnsAreAFileErrorShownInBothLanguages() throws Exception {
        Visitor admin = signedInAdmin();
        byte[] csv = ("Nama,Alamat,Telepon\nEko,Jl. Mawar,0812\n").getBytes(StandardCharsets.UTF_8);
        Visitor.Page refused = admin.upload(REPORTS, REPORTS, "upah.csv", "text/csv", csv, "period", "2025-03");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("Kolom berkas harus: KPJ atau NIK, nama, upah sebulan");
        Visitor.Page english = admin.upload(REPORTS + "?lang=en", REPORTS, "upah.csv", "text/csv",
                ("KPJ,Nama,Upah,Bonus\n" + eko.kpj() + ",Eko,1,2\n").getBytes(StandardCharsets.UTF_8), "period", "2025-03");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("The file columns must be: KPJ or NIK, name, monthly wage");
        assertRefused(csv("KPJ,Upah\n" + eko.kpj() + ",5000000\n"), "wage-file.columns");
        assertRefused("KPJ,Nama,Upah\n".getBytes(StandardCharsets.UTF_8), "wage-file.no-lines");
        assertRefused(new byte[0], "wage-file.empty");
        assertRefused(new byte[] {'K', 'P', 'J', ',', (byte) 0xC3, (byte) 0x28, '\n'}, "wage-file.encoding");
        assertNothingApplied();
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedBeforeItIsRead() throws Exception {
        Visitor admin = signedInAdmin();
        byte[] large = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        Visitor.Page refused = admin.upload(REPORTS, REPORTS, "upah.csv", "text/csv", large, "period", "2025-03");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(admin.get(refused.location()).body()).contains("role=\"alert\"").contains("lebih dari 5 MB");
        assertNothingApplied();
    }

    @Test
    void negativeAbsurdAndMalformedWagesAreRefusedLineByLine() {
        Report report = upload("KPJ,Nama,Upah\n"
                + eko.kpj() + ",Eko Saputra,-5000000\n"
                + fitri.kpj() + ",Fitri Handayani,999999999999999\n"
                + eko.kpj() + ",Eko Saputra,0\n"
                + fitri.kpj() + ",Fitri Handayani,5000000.50\n"
                + eko.kpj() + ",Eko Saputra,lima juta\n"
                + fitri.kpj() + ",Fitri Handayani,\n");
        List<LineProblem> wages = reports.problems(report, 0).stream().filter(p -> p.field().equals("WAGE")).toList();
        assertThat(wages).extracting(LineProblem::line, LineProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "wage-line.wage.negative"),
                org.assertj.core.groups.Tuple.tuple(3, "wage-line.wage.above-cap"),
                org.assertj.core.groups.Tuple.tuple(4, "wage-line.wage.zero"),
                org.assertj.core.groups.Tuple.tuple(5, "wage-line.wage.format"),
                org.assertj.core.groups.Tuple.tuple(6, "wage-line.wage.format"),
                org.assertj.core.groups.Tuple.tuple(7, "wage-line.wage.required"));
        assertThat(wages.get(1).argument()).isEqualTo("Rp 1.000.000.000");
        assertThat(report.validCount()).isZero();
        assertNothingApplied();
    }

    @Test
    void duplicateWorkersAreFlaggedEvenWhenNamedOnceByKpjAndOnceByNik() {
        Report report = upload("KPJ,Nama,Upah\n"
                + eko.kpj() + ",Eko Saputra,5000000\n"
                + eko.kpj() + ",Eko Saputra,5000000\n"
                + fitri.kpj() + ",Fitri Handayani,5000000\n"
                + fitri.nik() + ",Fitri Handayani,6000000\n");
        assertThat(reports.problems(report, 0)).extracting(LineProblem::line, LineProblem::messageKey,
                LineProblem::argument).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "wage-line.duplicate", "2"),
                org.assertj.core.groups.Tuple.tuple(5, "wage-line.duplicate", "4"));
        assertThat(report.validCount()).isEqualTo(2);
        assertNothingApplied();
    }

    @Test
    void spreadsheetFormulasAreNeverAcceptedNorEchoed() throws Exception {
        String formula = "=cmd|' /C calc'!A0";
        String csv = "KPJ,Nama,Upah\n"
                + eko.kpj() + ",\"" + formula.replace("\"", "\"\"") + "\",5000000\n"
                + fitri.kpj() + ",Fitri Handayani,\"" + formula + "\"\n"
                + "\"" + formula + "\",Eko Saputra,5000000\n"
                + eko.kpj() + ",@SUM(A1:A2),+5000000\n"
                + fitri.kpj() + ",\"\tFitri\",\"\r5000000\"\n";
        Visitor admin = signedInAdmin();
        String location = admin.upload(REPORTS, REPORTS, "upah.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "period", "2025-03").location();
        String page = admin.get(location).body();
        assertThat(page).contains("5 baris: 0 benar, 5 dengan kesalahan").contains("seperti rumus")
                .doesNotContain("cmd|").doesNotContain("calc").doesNotContain("@SUM");
        Report report = reports.page(employer, 0).get(0);
        List<String> keys = reports.problems(report, 0).stream().map(LineProblem::messageKey).toList();
        assertThat(keys).filteredOn("wage-line.formula"::equals).hasSize(7);
        assertThat(keys).as("the same workers appear more than once, too").containsOnly("wage-line.formula",
                "wage-line.duplicate");
        assertNothingApplied();
    }

    @Test
    void theLargestAllowedFileIsCheckedWholeAndOneLineMoreIsRefused() {
        StringBuilder csv = new StringBuilder("KPJ,Nama,Upah\n");
        csv.append(eko.kpj()).append(",Eko Saputra,5000000\n");
        for (int i = 1; i < 100_000; i++) {
            csv.append(Kpj.issue(97, i).value()).append(",Pekerja Nomor ").append(i).append(",5000000\n");
        }
        Runtime runtime = Runtime.getRuntime();
        long started = System.nanoTime();
        Report report = upload(csv.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("100,000-line wage file (%,d bytes) read and checked in %,d ms; heap max %,d MB, peak %,d MB%n",
                csv.length(), millis, runtime.maxMemory() >> 20, peakHeapBytes() >> 20);
        assertThat(report.lineCount()).isEqualTo(100_000);
        assertThat(report.validCount()).isEqualTo(1);
        assertThat(reports.problems(report, 0)).hasSize(WageReports.PAGE_SIZE + 1)
                .extracting(LineProblem::messageKey).containsOnly("wage-line.member.unknown");

        csv.append(Kpj.issue(97, 100_000).value()).append(",Satu Lagi,5000000\n");
        assertRefused(csv(csv.toString()), "wage-file.too-many-lines");
        assertNothingApplied();
    }

    @Test
    void aZipBombRenamedXlsxIsRefusedWhileUnpackingWithBoundedMemory() throws Exception {
        byte[] bomb = TestWorkbooks.zipBomb(400);
        System.out.printf("ZIP bomb: %,d bytes compressed, 400 MB unpacked%n", bomb.length);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Visitor admin = signedInAdmin();
        long started = System.nanoTime();
        Visitor.Page refused = admin.upload(REPORTS, REPORTS, "upah.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb, "period", "2025-03");
        System.out.printf("ZIP bomb refused in %,d ms; heap peak %,d MB of %,d MB%n",
                (System.nanoTime() - started) / 1_000_000, peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("melebihi 50 MB setelah dibuka");

        byte[] externalEntity = TestWorkbooks.xlsx(List.of(List.of("KPJ", "Nama", "Upah")));
        assertThat(new String(externalEntity, StandardCharsets.ISO_8859_1)).contains("PK");
        assertRefused(xxe(), "wage-file.xlsx.broken");
        assertRefused(new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "wage-file.xlsx.broken");
        assertNothingApplied();
    }

    /** A workbook whose sheet declares an external entity: never resolved, the file is refused. */
    private byte[] xxe() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&x;</t></is></c></row>"
                    + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private Report upload(String csv) {
        long id = reports.upload(employer, UUID.randomUUID(), "2025-03", "upah.csv", csv(csv));
        return reports.find(employer, id).orElseThrow();
    }

    private void assertRefused(byte[] content, String key) {
        assertThatThrownBy(() -> reports.upload(employer, UUID.randomUUID(), "2025-03", "upah", content))
                .isInstanceOf(WageFileRefused.class).extracting("messageKey").isEqualTo(key);
    }

    private void assertNothingApplied() {
        assertThat(jdbc.sql("SELECT count(*) FROM employer.reported_wage WHERE employer_id = :e")
                .param("e", employer).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM employer.wage_report WHERE employer_id = :e AND status = 'APPLIED'")
                .param("e", employer).query(Integer.class).single()).isZero();
    }

    private Visitor signedInAdmin() throws Exception {
        TestAdmin account = fixtures.admin(staff, employers, employer);
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner(account.email(), account.password());
        return admin;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
