package id.jamsos.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet cannot run as formulas (OWASP CSV injection), quoted per RFC 4180. */
class CsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"=1+1|\"'=1+1\"", "+62|\"'+62\"", "-5|\"'-5\"", "@SUM(A1)|\"'@SUM(A1)\"",
            "PT \"Maju\"|\"PT \"\"Maju\"\"\"", "2025-01|\"2025-01\""})
    void formulaCellsAreDefusedAndQuotesDoubled(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }

    @Test
    void aRowEndsWithCrLf() {
        assertThat(Csv.row(List.of("a", "\tb"))).isEqualTo("\"a\",\"'\tb\"\r\n");
    }
}
