package id.jamsos.account.internal;

import id.jamsos.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table, by hand-written SQL. */
@Repository
class Accounts {

    private static final String COLUMNS = "id, email, full_name, mobile_number, password_hash, role, language, "
            + "email_verified_at, created_at";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the e-mail address is taken; answers whether it was inserted. */
    boolean insertIfEmailFree(Account account, UUID createdBy) {
        return jdbc.sql("""
                        INSERT INTO account.account (id, email, full_name, mobile_number, password_hash, role, language,
                                                     email_verified_at, created_at, created_by)
                        VALUES (:id, :email, :fullName, :mobile, :hash, :role, :language, :verifiedAt, :createdAt, :createdBy)
                        ON CONFLICT (email) DO NOTHING""")
                .param("id", account.id())
                .param("email", account.email())
                .param("fullName", account.fullName())
                .param("mobile", account.mobileNumber())
                .param("hash", account.passwordHash())
                .param("role", account.role().name())
                .param("language", account.language())
                .param("verifiedAt", timestamp(account.emailVerifiedAt()))
                .param("createdAt", timestamp(account.createdAt()))
                .param("createdBy", createdBy)
                .update() == 1;
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.account WHERE email = :email")
                .param("email", email).query(Accounts::map).optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.account WHERE id = :id")
                .param("id", id).query(Accounts::map).optional();
    }

    boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM account.account)").query(Boolean.class).single();
    }

    List<Account> page(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.account ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size).query(Accounts::map).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM account.account").query(Long.class).single();
    }

    void markVerified(UUID id, Instant at) {
        jdbc.sql("UPDATE account.account SET email_verified_at = coalesce(email_verified_at, :at) WHERE id = :id")
                .param("at", timestamp(at)).param("id", id).update();
    }

    void changePassword(UUID id, String hash, Instant at) {
        jdbc.sql("UPDATE account.account SET password_hash = :hash, password_changed_at = :at WHERE id = :id")
                .param("hash", hash).param("at", timestamp(at)).param("id", id).update();
    }

    /** Answers false when another account already uses the address. */
    boolean changeEmail(UUID id, String email, Instant at) {
        return jdbc.sql("""
                        UPDATE account.account SET email = :email, email_verified_at = :at
                        WHERE id = :id AND NOT EXISTS (SELECT 1 FROM account.account WHERE email = :email)""")
                .param("email", email).param("at", timestamp(at)).param("id", id).update() == 1;
    }

    void changeLanguage(UUID id, String language) {
        jdbc.sql("UPDATE account.account SET language = :language WHERE id = :id AND language <> :language")
                .param("language", language).param("id", id).update();
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var verified = rs.getTimestamp("email_verified_at");
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("full_name"),
                rs.getString("mobile_number"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                rs.getString("language"), verified == null ? null : verified.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
