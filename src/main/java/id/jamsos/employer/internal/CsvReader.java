package id.jamsos.employer.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 (a byte-order mark is allowed), separated by commas or, as spreadsheets set to Indonesian
 * write it, semicolons (decided by the header line). Quoted cells may hold separators, quotes and line breaks.
 */
final class CsvReader {

    /** Longer cells are cut here; no valid KPJ, name or wage comes near it, so the line is refused anyway. */
    static final int MAX_CELL = 300;
    private static final int MAX_CELLS = 50;

    private CsvReader() {
    }

    static void read(byte[] content, WageFiles.RowSink sink) {
        CharBuffer text = decode(content);
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            text.position(1);
        }
        char separator = separator(text);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowStart = 1;
        while (text.hasRemaining()) {
            char c = text.get();
            if (quoted) {
                if (c == '"') {
                    if (text.hasRemaining() && text.get(text.position()) == '"') {
                        text.get();
                        append(cell, '"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(cell, c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                addCell(cells, cell, wasQuoted);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && text.hasRemaining() && text.get(text.position()) == '\n') {
                    text.get();
                }
                addCell(cells, cell, wasQuoted);
                wasQuoted = false;
                emit(sink, rowStart, cells);
                cells = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                append(cell, c);
            }
        }
        addCell(cells, cell, wasQuoted);
        emit(sink, rowStart, cells);
    }

    private static CharBuffer decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
        } catch (CharacterCodingException e) {
            throw new WageFileRefused("wage-file.encoding");
        }
    }

    private static char separator(CharBuffer text) {
        int commas = 0;
        int semicolons = 0;
        for (int i = text.position(); i < text.limit() && text.get(i) != '\n'; i++) {
            if (text.get(i) == ',') {
                commas++;
            } else if (text.get(i) == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void append(StringBuilder cell, char c) {
        if (cell.length() < MAX_CELL) {
            cell.append(c);
        }
    }

    /**
     * A quoted cell keeps its spaces; an unquoted one is trimmed. Tab and carriage return at the start survive either
     * way, so the checks can refuse them as formula triggers.
     */
    private static void addCell(List<String> cells, StringBuilder cell, boolean quoted) {
        if (cells.size() >= MAX_CELLS) {
            throw new WageFileRefused("wage-file.columns");
        }
        cells.add(quoted ? cell.toString() : cell.toString().replaceAll("^ +| +$", ""));
        cell.setLength(0);
    }

    private static void emit(WageFiles.RowSink sink, int number, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            sink.row(number, cells);
        }
    }
}
