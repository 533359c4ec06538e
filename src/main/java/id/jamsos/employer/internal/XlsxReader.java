package id.jamsos.employer.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an XLSX workbook, read with the JDK alone: {@code java.util.zip} and StAX over
 * {@code xl/sharedStrings.xml} and the sheet, never a DOM. A ZIP bomb is refused while unpacking: every entry's bytes
 * are counted as they are inflated (the sizes a ZIP file declares are not trusted), and so are the entries, the
 * shared strings and the rows. No DTD and no external entity is ever resolved.
 */
final class XlsxReader {

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELATIONS = "xl/_rels/workbook.xml.rels";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String FIRST_SHEET_USUALLY = "xl/worksheets/sheet1.xml";
    /** Shared strings a file of the maximum size can need: three cells a line. */
    private static final int STRINGS_PER_LINE = 3;

    private final WageSettings settings;
    private final XMLInputFactory xml;

    XlsxReader(WageSettings settings) {
        this.settings = settings;
        this.xml = XMLInputFactory.newFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    void read(byte[] content, WageFiles.RowSink sink) {
        try {
            Workbook workbook = index(content);
            String sheet = workbook.firstSheet();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().equals(sheet)) {
                        rows(limited(zip), workbook.strings, sink);
                        return;
                    }
                }
            }
            throw new WageFileRefused("wage-file.xlsx.no-sheet");
        } catch (ZipException | XMLStreamException e) {
            throw new WageFileRefused("wage-file.xlsx.broken");
        } catch (IOException e) {
            throw new WageFileRefused("wage-file.xlsx.broken");
        }
    }

    /** What the first pass learns: the shared strings and where the first sheet is. */
    private static final class Workbook {
        List<String> strings = List.of();
        String firstSheetRelation;
        final Map<String, String> relations = new HashMap<>();

        String firstSheet() {
            String target = firstSheetRelation == null ? null : relations.get(firstSheetRelation);
            if (target == null) {
                return FIRST_SHEET_USUALLY;
            }
            return target.startsWith("/") ? target.substring(1) : "xl/" + target;
        }
    }

    /** First pass: every entry is inflated through the counting limit; the small index files are parsed. */
    private Workbook index(byte[] content) throws IOException, XMLStreamException {
        Workbook workbook = new Workbook();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > settings.maxZipEntries()) {
                    throw new WageFileRefused("wage-file.xlsx.too-many-entries", settings.maxZipEntries());
                }
                InputStream in = limited(zip);
                switch (entry.getName()) {
                    case WORKBOOK -> workbook.firstSheetRelation = firstSheetRelation(in);
                    case RELATIONS -> relations(in, workbook.relations);
                    case SHARED_STRINGS -> workbook.strings = sharedStrings(in);
                    default -> in.transferTo(OutputDiscard.INSTANCE);
                }
            }
        }
        if (entries == 0) {
            throw new WageFileRefused("wage-file.xlsx.broken");
        }
        return workbook;
    }

    private String firstSheetRelation(InputStream in) throws XMLStreamException {
        XMLStreamReader reader = xml.createXMLStreamReader(in);
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("sheet")) {
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        if (reader.getAttributeLocalName(i).equals("id")) {
                            return reader.getAttributeValue(i);
                        }
                    }
                }
            }
            return null;
        } finally {
            reader.close();
        }
    }

    private void relations(InputStream in, Map<String, String> relations) throws XMLStreamException {
        XMLStreamReader reader = xml.createXMLStreamReader(in);
        try {
            while (reader.hasNext() && relations.size() < settings.maxZipEntries()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Relationship")) {
                    relations.put(String.valueOf(reader.getAttributeValue(null, "Id")),
                            String.valueOf(reader.getAttributeValue(null, "Target")));
                }
            }
        } finally {
            reader.close();
        }
    }

    /** {@code <si>} items, each the text of its {@code <t>} runs, each cut at the longest cell worth keeping. */
    private List<String> sharedStrings(InputStream in) throws XMLStreamException {
        long maxStrings = (long) (settings.maxLines() + 1) * STRINGS_PER_LINE;
        List<String> strings = new ArrayList<>();
        XMLStreamReader reader = xml.createXMLStreamReader(in);
        try {
            StringBuilder item = null;
            boolean inText = false;
            boolean inPhonetic = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "si" -> item = new StringBuilder();
                        case "t" -> inText = !inPhonetic;
                        case "rPh" -> inPhonetic = true;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "si" -> {
                            if (strings.size() >= maxStrings) {
                                throw new WageFileRefused("wage-file.too-many-lines", settings.maxLines());
                            }
                            strings.add(item == null ? "" : item.toString());
                            item = null;
                        }
                        case "t" -> inText = false;
                        case "rPh" -> inPhonetic = false;
                        default -> { }
                    }
                } else if (inText && item != null && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    appendCut(item, reader.getText());
                }
            }
        } finally {
            reader.close();
        }
        return strings;
    }

    /** Second pass: the sheet's rows, cell by cell, placed by their reference ({@code B7} is the second column). */
    private void rows(InputStream in, List<String> strings, WageFiles.RowSink sink) throws XMLStreamException {
        XMLStreamReader reader = xml.createXMLStreamReader(in);
        try {
            List<String> cells = null;
            int rowNumber = 0;
            int column = -1;
            String type = null;
            StringBuilder value = null;
            boolean inValue = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE)) {
                    appendCut(value, reader.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "row" -> {
                            cells = new ArrayList<>();
                            rowNumber = rowNumber(reader.getAttributeValue(null, "r"), rowNumber + 1);
                            column = -1;
                        }
                        case "c" -> {
                            column = column(reader.getAttributeValue(null, "r"), column + 1);
                            type = reader.getAttributeValue(null, "t");
                            value = new StringBuilder();
                        }
                        case "v", "t" -> inValue = value != null;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    inValue = false;
                    if (reader.getLocalName().equals("c") && cells != null && value != null) {
                        place(cells, column, text(type, value.toString(), strings));
                        value = null;
                    } else if (reader.getLocalName().equals("row") && cells != null) {
                        if (cells.stream().anyMatch(c -> !c.isBlank())) {
                            sink.row(rowNumber, cells);
                        }
                        cells = null;
                    }
                }
            }
        } finally {
            reader.close();
        }
    }

    private static void place(List<String> cells, int column, String text) {
        if (column >= 50) {
            throw new WageFileRefused("wage-file.columns");
        }
        while (cells.size() < column) {
            cells.add("");
        }
        if (cells.size() == column) {
            cells.add(text);
        }
    }

    private static String text(String type, String raw, List<String> strings) {
        if ("s".equals(type)) {
            try {
                int index = Integer.parseInt(raw.strip());
                return index >= 0 && index < strings.size() ? strings.get(index) : "";
            } catch (NumberFormatException e) {
                return "";
            }
        }
        if (type == null || "n".equals(type)) {
            return number(raw.strip());
        }
        return raw;
    }

    /** Numbers are stored as decimals ({@code 5.5E6}); whole ones are written out, anything else is left as it is. */
    private static String number(String raw) {
        try {
            BigDecimal number = new BigDecimal(raw).stripTrailingZeros();
            return number.scale() <= 0 && number.precision() - number.scale() <= 20 ? number.toPlainString() : raw;
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static int rowNumber(String reference, int otherwise) {
        try {
            return reference == null ? otherwise : Math.max(1, Integer.parseInt(reference.strip()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static int column(String reference, int otherwise) {
        if (reference == null) {
            return otherwise;
        }
        int column = 0;
        int letters = 0;
        for (char c : reference.toCharArray()) {
            if (c < 'A' || c > 'Z' || ++letters > 3) {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return letters == 0 ? otherwise : column - 1;
    }

    private static void appendCut(StringBuilder text, String more) {
        int room = CsvReader.MAX_CELL - text.length();
        if (room > 0) {
            text.append(more, 0, Math.min(room, more.length()));
        }
    }

    /** The entry being read, refused as soon as it has inflated to more than the limit. */
    private InputStream limited(ZipInputStream zip) {
        long limit = settings.maxUnpackedBytes();
        return new FilterInputStream(zip) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public void close() {
                // The ZIP stream goes on to the next entry; only the pass that opened it closes it.
            }

            private void counted(int n) {
                count += n;
                if (count > limit) {
                    throw new WageFileRefused("wage-file.xlsx.too-large", limit / (1024 * 1024));
                }
            }
        };
    }

    /** Where skipped entries go: counted on the way, kept nowhere. */
    private static final class OutputDiscard extends java.io.OutputStream {
        static final OutputDiscard INSTANCE = new OutputDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
