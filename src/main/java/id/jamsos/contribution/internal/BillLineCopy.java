package id.jamsos.contribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes contribution lines with PostgreSQL's COPY inside the caller's transaction: the fastest way in, several times
 * a multi-row INSERT. Buffered; {@link #finish()} sends the rest and answers how many lines went in.
 */
final class BillLineCopy {

    private static final String COPY = "COPY contribution.bill_line (period, bill_id, member_id, kind, program, party,"
            + " amount, wage) FROM STDIN";
    private static final int FLUSH_BYTES = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 256);
    private long lines;

    BillLineCopy(Connection connection) {
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into bill lines refused", e);
        }
    }

    /** One contribution line; {@code wage} is the wage (PU) or declared income (BPU) the share was computed from. */
    void contribution(String period, long billId, UUID memberId, String program, String party, long amount,
                      long wage) {
        buffer.append(period).append('\t').append(billId).append('\t').append(memberId).append("\tCONTRIBUTION\t")
                .append(program).append('\t').append(party).append('\t').append(amount).append('\t').append(wage)
                .append('\n');
        lines++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    long finish() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into bill lines failed", e);
        }
        return lines;
    }

    /** Abandons the copy (the transaction rolls back anyway) so the connection can be returned to the pool. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolling back; the connection reports its own state to the pool
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY into bill lines failed", e));
        }
        buffer.setLength(0);
    }
}
