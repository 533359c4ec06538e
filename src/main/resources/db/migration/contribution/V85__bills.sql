-- Bills, their lines, settlements, penalties, the billing run's progress and BPU participation (RULES.md §2–§4).
-- The schema and contribution.billed_period come with the rate tables (V80).

-- An informal worker (BPU) takes part from a period on a declared income with the programs chosen (JKK and JKM
-- always). A change is a new row from a later period; the row in force for a month is the latest one before it.
CREATE TABLE contribution.participation
(
    member_id       UUID        NOT NULL,
    from_period     TEXT        NOT NULL CHECK (from_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    declared_income BIGINT      NOT NULL CHECK (declared_income > 0),
    programs        TEXT        NOT NULL CHECK (programs ~ '^(JHT|JKK|JKM)(,(JHT|JKK|JKM))*$'),
    enrolled_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, from_period)
);

-- A bill: what one payer owes for one month. Exactly one of employer_id (PU) and member_id (BPU) names the payer;
-- one bill per payer and period, which makes every billing run idempotent (INSERT … ON CONFLICT DO NOTHING).
CREATE TABLE contribution.bill
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category       TEXT        NOT NULL CHECK (category IN ('PU', 'BPU')),
    employer_id    BIGINT,
    member_id      UUID,
    period         TEXT        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    due_date       DATE        NOT NULL,
    issued_at      TIMESTAMPTZ NOT NULL,
    employer_total BIGINT      NOT NULL CHECK (employer_total >= 0),
    worker_total   BIGINT      NOT NULL CHECK (worker_total >= 0),
    workers        INTEGER     NOT NULL CHECK (workers >= 0),
    CHECK ((category = 'PU' AND employer_id IS NOT NULL AND member_id IS NULL)
        OR (category = 'BPU' AND member_id IS NOT NULL AND employer_id IS NULL))
);
CREATE UNIQUE INDEX bill_per_employer_period ON contribution.bill (employer_id, period) WHERE employer_id IS NOT NULL;
CREATE UNIQUE INDEX bill_per_member_period ON contribution.bill (member_id, period) WHERE member_id IS NOT NULL;
CREATE INDEX bill_by_period ON contribution.bill (period, category);

-- Bill lines: one per worker × program × party (CONTRIBUTION), a penalty line per month step late (PENALTY, charged
-- to the employer, RULES.md §4), corrections as ADJUSTMENT lines (which may be negative). Partitioned by year of
-- the period (partitions are created by the billing run as years arrive); no foreign key, because lines are only
-- written in the same transaction as their bill and a per-row key check would halve the run's speed.
CREATE TABLE contribution.bill_line
(
    period       TEXT   NOT NULL,
    bill_id      BIGINT NOT NULL,
    member_id    UUID,
    kind         TEXT   NOT NULL CHECK (kind IN ('CONTRIBUTION', 'PENALTY', 'ADJUSTMENT')),
    program      TEXT CHECK (program IN ('JHT', 'JKK', 'JKM', 'JP')),
    party        TEXT   NOT NULL CHECK (party IN ('EMPLOYER', 'WORKER')),
    amount       BIGINT NOT NULL,
    penalty_step INTEGER,
    CHECK (kind = 'ADJUSTMENT' OR amount >= 0),
    CHECK ((kind = 'CONTRIBUTION') = (member_id IS NOT NULL AND program IS NOT NULL)),
    CHECK ((kind = 'PENALTY') = (penalty_step IS NOT NULL))
) PARTITION BY RANGE (period);
CREATE INDEX bill_line_by_bill ON contribution.bill_line (bill_id);
-- Penalty accrual adds each month step once, however often it runs.
CREATE UNIQUE INDEX bill_line_penalty_step ON contribution.bill_line (period, bill_id, penalty_step)
    WHERE kind = 'PENALTY';

-- Bills and their lines are immutable: corrections are new lines.
CREATE FUNCTION contribution.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER bill_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.bill
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_change();
CREATE TRIGGER bill_line_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.bill_line
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_change();

-- A settlement records once the day a bill was paid, under the payer's idempotency key.
CREATE TABLE contribution.settlement
(
    bill_id         BIGINT PRIMARY KEY REFERENCES contribution.bill (id),
    idempotency_key TEXT        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    paid_on         DATE        NOT NULL,
    penalty         BIGINT      NOT NULL CHECK (penalty >= 0),
    settled_at      TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER settlement_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.settlement
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_change();

-- The billing run of a period and category, cut into chunks (employer id ranges for PU, member buckets for BPU).
-- A chunk row is written first in the chunk's own transaction: a second run waits on it and then skips the chunk,
-- a crashed chunk leaves no row and is billed again on restart. Running a finished period again starts a new pass
-- (payers registered since are billed; bills already issued are skipped by their unique key).
CREATE TABLE contribution.billing_run
(
    period      TEXT        NOT NULL,
    category    TEXT        NOT NULL CHECK (category IN ('PU', 'BPU')),
    pass        INTEGER     NOT NULL CHECK (pass > 0),
    chunk_size  INTEGER     NOT NULL CHECK (chunk_size > 0),
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (period, category, pass)
);
CREATE TABLE contribution.billing_chunk
(
    period   TEXT        NOT NULL,
    category TEXT        NOT NULL,
    pass     INTEGER     NOT NULL,
    chunk    BIGINT      NOT NULL,
    bills    INTEGER     NOT NULL DEFAULT 0,
    lines    INTEGER     NOT NULL DEFAULT 0,
    done_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period, category, pass, chunk),
    FOREIGN KEY (period, category, pass) REFERENCES contribution.billing_run (period, category, pass)
);

-- A BPU member lapsed for three unpaid months (RULES.md §4), once per third unpaid bill.
CREATE TABLE contribution.lapse
(
    member_id     UUID   NOT NULL,
    third_bill_id BIGINT NOT NULL REFERENCES contribution.bill (id),
    lapsed_on     DATE   NOT NULL,
    PRIMARY KEY (member_id, third_bill_id)
);
