CREATE SCHEMA employer;

-- btree_gist lets one exclusion constraint say "never two overlapping employments of one member with one employer".
-- It ships with PostgreSQL's contrib (the embedded binaries and Debian's postgresql-15 both have it) and is a trusted
-- extension since PostgreSQL 13, so the owner of the database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A registered employer (pemberi kerja). Ids are a bigint sequence so the billing run can cut them into id ranges.
CREATE TABLE employer.employer
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    npp        TEXT        NOT NULL UNIQUE CHECK (npp ~ '^[0-9]{8}$'),
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address    TEXT        NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    -- JKK risk class, PP 44/2015 annex I; its rate is data in the contribution module.
    risk_class SMALLINT    NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID
);

-- The EMPLOYER_ADMIN accounts of an employer; an account administers at most one employer.
CREATE TABLE employer.employer_admin
(
    account_id  UUID PRIMARY KEY,
    employer_id BIGINT      NOT NULL REFERENCES employer.employer (id),
    linked_at   TIMESTAMPTZ NOT NULL,
    linked_by   UUID        NOT NULL
);
CREATE INDEX employer_admin_by_employer ON employer.employer_admin (employer_id);

-- A member working for an employer from start_date to end_date (the last day worked, inclusive; NULL while employed).
-- The KPJ is copied at joining (it never changes) so wage files can be matched to the employer's own workers.
CREATE TABLE employer.employment
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employer_id         BIGINT      NOT NULL REFERENCES employer.employer (id),
    member_id           UUID        NOT NULL,
    kpj                 TEXT        NOT NULL CHECK (kpj ~ '^[0-9]{11}$'),
    start_date          DATE        NOT NULL,
    end_date            DATE CHECK (end_date >= start_date),
    joining_wage_rupiah BIGINT      NOT NULL CHECK (joining_wage_rupiah > 0),
    job_title           TEXT        NOT NULL CHECK (length(job_title) BETWEEN 1 AND 100),
    created_at          TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ,
    CONSTRAINT employment_no_overlap EXCLUDE USING gist (
        employer_id WITH =, member_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
);
-- Billing reads an employer id range in (employer, member) order; the workers page pages one employer's rows.
CREATE INDEX employment_billing ON employer.employment (employer_id, member_id, start_date DESC)
    INCLUDE (end_date, joining_wage_rupiah, kpj);
-- "Has this member another employment?" (lapse on leaving) and the member's own page.
CREATE INDEX employment_by_member ON employer.employment (member_id);

-- A wage report for one period, from an uploaded file or the on-screen form. Lines are checked when it is created;
-- it changes nothing until it is applied, once (DRAFT → APPLIED is one guarded UPDATE, so a double submit applies once).
CREATE TABLE employer.wage_report
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employer_id   BIGINT      NOT NULL REFERENCES employer.employer (id),
    period        TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'APPLIED')),
    source        TEXT        NOT NULL CHECK (source IN ('CSV', 'XLSX', 'SCREEN')),
    file_name     TEXT CHECK (length(file_name) <= 200),
    line_count    INTEGER     NOT NULL CHECK (line_count >= 0),
    valid_count   INTEGER     NOT NULL CHECK (valid_count >= 0),
    created_by    UUID        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    applied_by    UUID,
    applied_at    TIMESTAMPTZ,
    applied_count INTEGER,
    CHECK ((status = 'APPLIED') = (applied_at IS NOT NULL))
);
CREATE INDEX wage_report_by_employer ON employer.wage_report (employer_id, id DESC);

-- The valid lines of a report: one per worker (duplicates are refused when checking).
CREATE TABLE employer.wage_line
(
    report_id   BIGINT NOT NULL REFERENCES employer.wage_report (id),
    line_number INTEGER NOT NULL CHECK (line_number >= 1),
    member_id   UUID   NOT NULL,
    wage_rupiah BIGINT NOT NULL CHECK (wage_rupiah > 0),
    PRIMARY KEY (report_id, line_number),
    UNIQUE (report_id, member_id)
);

-- What is wrong with the other lines: line number, field and a message key (never the typed text).
CREATE TABLE employer.wage_problem
(
    report_id   BIGINT  NOT NULL REFERENCES employer.wage_report (id),
    line_number INTEGER NOT NULL CHECK (line_number >= 1),
    field       TEXT    NOT NULL CHECK (field IN ('IDENTIFIER', 'NAME', 'WAGE', 'LINE')),
    message_key TEXT    NOT NULL CHECK (length(message_key) <= 100),
    argument    TEXT CHECK (length(argument) <= 100),
    PRIMARY KEY (report_id, line_number, field)
);

-- Wages as applied, per employer, member and period: the history members see and billing falls back on.
CREATE TABLE employer.reported_wage
(
    employer_id BIGINT      NOT NULL REFERENCES employer.employer (id),
    member_id   UUID        NOT NULL,
    period      TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    wage_rupiah BIGINT      NOT NULL CHECK (wage_rupiah > 0),
    report_id   BIGINT      NOT NULL REFERENCES employer.wage_report (id),
    applied_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (employer_id, member_id, period)
);
CREATE INDEX reported_wage_by_member ON employer.reported_wage (member_id, period DESC);

-- The latest reported period and wage per employer and member, kept in the same transaction as reported_wage, so
-- billing joins one row per employment in key order instead of searching the history for each. Updated in place
-- at most once a month per worker: room is left for HOT updates.
CREATE TABLE employer.current_wage
(
    employer_id BIGINT NOT NULL,
    member_id   UUID   NOT NULL,
    period      TEXT   NOT NULL,
    wage_rupiah BIGINT NOT NULL CHECK (wage_rupiah > 0),
    PRIMARY KEY (employer_id, member_id)
) WITH (fillfactor = 70);
