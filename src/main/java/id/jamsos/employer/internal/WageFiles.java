package id.jamsos.employer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded wage file, CSV or XLSX (decided by its content, not its name), into raw lines. The first row must
 * name the three columns: KPJ or NIK, name, monthly wage. Every limit is checked while reading, so memory stays
 * bounded whatever the file claims about itself.
 */
@Component
class WageFiles {

    /** What was read: the format and the lines after the header. */
    record Read(String format, List<RawLine> lines) {
    }

    private final WageSettings settings;

    WageFiles(WageSettings settings) {
        this.settings = settings;
    }

    Read read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new WageFileRefused("wage-file.empty");
        }
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        RowSink sink = (number, cells) -> {
            if (rows.size() > settings.maxLines()) {
                throw new WageFileRefused("wage-file.too-many-lines", settings.maxLines());
            }
            rows.add(cells);
            numbers.add(number);
        };
        if (zip) {
            new XlsxReader(settings).read(content, sink);
        } else {
            CsvReader.read(content, sink);
        }
        if (rows.isEmpty()) {
            throw new WageFileRefused("wage-file.empty");
        }
        checkHeader(rows.get(0));
        List<RawLine> lines = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            lines.add(new RawLine(numbers.get(i), cell(cells, 0), cell(cells, 1), cell(cells, 2), cells.size()));
        }
        if (lines.isEmpty()) {
            throw new WageFileRefused("wage-file.no-lines");
        }
        return new Read(zip ? "XLSX" : "CSV", lines);
    }

    /** Receives each non-empty row with its line number in the file. */
    interface RowSink {
        void row(int number, List<String> cells);
    }

    /** Columns in this order, named in Indonesian or English, with any spacing or punctuation. */
    private static void checkHeader(List<String> header) {
        if (header.size() < 3 || header.subList(3, header.size()).stream().anyMatch(c -> !c.isBlank())
                || !(has(header.get(0), "kpj") || has(header.get(0), "nik"))
                || !(has(header.get(1), "nama") || has(header.get(1), "name"))
                || !(has(header.get(2), "upah") || has(header.get(2), "wage") || has(header.get(2), "gaji"))) {
            throw new WageFileRefused("wage-file.columns");
        }
    }

    private static boolean has(String cell, String word) {
        return cell.toLowerCase(Locale.ROOT).contains(word);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
