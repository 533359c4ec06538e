package id.jamsos.ledger.web;

import java.util.List;

/**
 * RFC 4180 CSV cells that a spreadsheet cannot run: a cell starting with = + - @ or a tab/carriage return is
 * prefixed with an apostrophe (OWASP CSV injection), every cell is quoted.
 */
final class Csv {

    private Csv() {
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    static String row(List<String> cells) {
        return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
    }
}
