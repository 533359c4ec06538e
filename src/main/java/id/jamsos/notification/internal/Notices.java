package id.jamsos.notification.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.notification.Notice;
import id.jamsos.notification.NoticeArgument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices table. Every query names the account, so nobody reads another's notices and each query is served by
 * an index that starts with the account id.
 */
@Repository
public class Notices {

    /** The badge says "99+" beyond this: counting stops there, so an account with many unread notices costs the same. */
    public static final int MOST_COUNTED = 100;

    private static final String COLUMNS = "id, account_id, kind, reference, message_key, arguments::text AS arguments,"
            + " link, created_at, read_at";
    private static final TypeReference<List<Map<String, Object>>> ARGUMENTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the notices not posted before (same account, kind and reference) in one statement; answers how many. */
    int add(List<Notice> notices, Instant at) {
        if (notices.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO notification.notice (account_id, kind, reference, message_key, arguments, link,
                                                         created_at)
                        SELECT CAST(a AS uuid), k, r, m, CAST(j AS jsonb), l, :at
                          FROM unnest(CAST(:accounts AS text[]), CAST(:kinds AS text[]), CAST(:references AS text[]),
                                      CAST(:keys AS text[]), CAST(:arguments AS text[]), CAST(:links AS text[]))
                               AS t (a, k, r, m, j, l)
                        ON CONFLICT ON CONSTRAINT notice_once DO NOTHING""")
                .param("accounts", notices.stream().map(n -> n.accountId().toString()).toArray(String[]::new))
                .param("kinds", notices.stream().map(Notice::kind).toArray(String[]::new))
                .param("references", notices.stream().map(Notice::reference).toArray(String[]::new))
                .param("keys", notices.stream().map(Notice::messageKey).toArray(String[]::new))
                .param("arguments", notices.stream().map(n -> encode(n.arguments())).toArray(String[]::new))
                .param("links", notices.stream().map(Notice::link).toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The account's notices newest first: {@code size + 1} rows, so the caller knows whether another page follows. */
    public List<StoredNotice> newest(UUID accountId, int offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM notification.notice
                        WHERE account_id = :account
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("account", accountId)
                .param("limit", size + 1)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    /** One notice of the account; another account's notice is as absent as one that does not exist. */
    public Optional<StoredNotice> find(UUID accountId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification.notice WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Unread notices of the account, counted up to {@link #MOST_COUNTED} (the partial index {@code notice_unread}). */
    public int unread(UUID accountId) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM notification.notice
                                               WHERE account_id = :account AND read_at IS NULL
                                               LIMIT :most) AS unread""")
                .param("account", accountId)
                .param("most", MOST_COUNTED)
                .query(Integer.class)
                .single();
    }

    /** Marks these notices of the account read (others' ids are ignored); answers how many were unread. */
    public int markRead(UUID accountId, List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE notification.notice SET read_at = :at
                         WHERE account_id = :account AND read_at IS NULL AND id = ANY (CAST(:ids AS uuid[]))""")
                .param("at", Timestamp.from(at))
                .param("account", accountId)
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /** Marks every notice of the account read; answers how many were unread. */
    public int markAllRead(UUID accountId, Instant at) {
        return jdbc.sql("UPDATE notification.notice SET read_at = :at WHERE account_id = :account AND read_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("account", accountId)
                .update();
    }

    private String encode(List<NoticeArgument> arguments) {
        List<Map<String, Object>> typed = new ArrayList<>();
        for (NoticeArgument argument : arguments) {
            Map<String, Object> one = new LinkedHashMap<>();
            if (argument instanceof NoticeArgument.Text t) {
                one.put("type", "text");
                one.put("value", t.value());
            } else if (argument instanceof NoticeArgument.Amount a) {
                one.put("type", "amount");
                one.put("value", a.value().value());
            } else if (argument instanceof NoticeArgument.Month m) {
                one.put("type", "month");
                one.put("value", m.value().toString());
            } else if (argument instanceof NoticeArgument.Day d) {
                one.put("type", "day");
                one.put("value", d.value().toString());
            }
            typed.add(one);
        }
        return json.writeValueAsString(typed);
    }

    private List<NoticeArgument> decode(String stored) {
        List<NoticeArgument> arguments = new ArrayList<>();
        for (Map<String, Object> one : json.readValue(stored, ARGUMENTS)) {
            Object value = one.get("value");
            arguments.add(switch (String.valueOf(one.get("type"))) {
                case "amount" -> NoticeArgument.amount(Rupiah.of(((Number) value).longValue()));
                case "month" -> NoticeArgument.month(Period.parse(String.valueOf(value)));
                case "day" -> NoticeArgument.day(LocalDate.parse(String.valueOf(value)));
                default -> NoticeArgument.text(String.valueOf(value));
            });
        }
        return arguments;
    }

    private StoredNotice map(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new StoredNotice(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("kind"), rs.getString("reference"), rs.getString("message_key"),
                decode(rs.getString("arguments")), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
