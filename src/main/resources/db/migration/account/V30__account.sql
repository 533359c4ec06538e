CREATE SCHEMA account;

-- One account per e-mail address; one role per account (staff use separate accounts from their own membership).
CREATE TABLE account.account
(
    id                  UUID PRIMARY KEY,
    email               TEXT        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    full_name           TEXT        NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    mobile_number       TEXT        NOT NULL CHECK (mobile_number ~ '^\+628[0-9]{7,11}$'),
    password_hash       TEXT,
    role                TEXT        NOT NULL CHECK (role IN ('MEMBER', 'OFFICER', 'EMPLOYER_ADMIN', 'ADMIN')),
    language            TEXT        NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    email_verified_at   TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          UUID REFERENCES account.account (id),
    CONSTRAINT account_email_unique UNIQUE (email)
);

-- Links sent by e-mail: only a keyed hash of the token is stored, so a database reader cannot use a link.
CREATE TABLE account.email_token
(
    token_hash BYTEA PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account.account (id),
    purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    email      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at),
    used_at    TIMESTAMPTZ
);
CREATE INDEX email_token_by_account ON account.email_token (account_id, purpose, created_at);

-- Every sign-in attempt, by a keyed hash of the e-mail typed (known or not) and by address, for throttling.
CREATE TABLE account.sign_in_attempt
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash   BYTEA       NOT NULL,
    ip_address   TEXT        NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    succeeded    BOOLEAN     NOT NULL
);
CREATE INDEX sign_in_attempt_by_email ON account.sign_in_attempt (email_hash, attempted_at);
CREATE INDEX sign_in_attempt_by_address ON account.sign_in_attempt (ip_address, attempted_at);

-- A solved ALTCHA challenge is accepted once.
CREATE TABLE account.spent_challenge
(
    signature  TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

-- Spring Session JDBC (spring-session-jdbc 4.0 schema): sessions in PostgreSQL so app instances are stateless.
CREATE TABLE account.spring_session
(
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    expiry_time           BIGINT   NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON account.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON account.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON account.spring_session (principal_name);

CREATE TABLE account.spring_session_attributes
(
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES account.spring_session (primary_id) ON DELETE CASCADE
);
