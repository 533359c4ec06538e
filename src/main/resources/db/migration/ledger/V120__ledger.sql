-- The JHT ledger (RULES.md §5): double-entry accounts, journal entries and their lines, a cached balance per account,
-- the JP months per member for the pension formula, yield rates and the yield credited per account and year.
CREATE SCHEMA ledger;

-- An account: a member's JHT account (one per member), or a system account per program (the pooled fund, the
-- receivable, the clearing account where payments arrive) and penalty income. Balances are credit minus debit.
CREATE TABLE ledger.account
(
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('MEMBER_JHT', 'FUND', 'RECEIVABLE', 'CLEARING', 'PENALTY_INCOME')),
    program   TEXT CHECK (program IN ('JHT', 'JKK', 'JKM', 'JP')),
    member_id UUID UNIQUE,
    kpj       TEXT,
    opened_on DATE NOT NULL,
    CHECK ((kind = 'MEMBER_JHT') = (member_id IS NOT NULL)),
    CHECK (kind <> 'MEMBER_JHT' OR program = 'JHT'),
    CHECK (program IS NOT NULL OR kind IN ('PENALTY_INCOME', 'CLEARING'))
);
CREATE UNIQUE INDEX account_system ON ledger.account (kind, coalesce(program, '-')) WHERE member_id IS NULL;

INSERT INTO ledger.account (kind, program, opened_on)
SELECT k, p, DATE '2000-01-01'
FROM unnest(ARRAY ['FUND', 'RECEIVABLE', 'CLEARING']) k, unnest(ARRAY ['JHT', 'JKK', 'JKM', 'JP']) p;
INSERT INTO ledger.account (kind, program, opened_on)
VALUES ('PENALTY_INCOME', NULL, DATE '2000-01-01'), ('CLEARING', NULL, DATE '2000-01-01'); -- penalties are paid into their own clearing

-- A journal entry. The idempotency key makes every posting happen once (bill:<id>, yield:<account>:<year>:<rate>);
-- a correction is a new entry reversing the original (at most one reversal per entry). yield_year marks the yield
-- entries of a year and their reversals, which the monthly-rest balance of that year leaves out.
CREATE TABLE ledger.entry
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason          TEXT        NOT NULL CHECK (reason IN ('CONTRIBUTION', 'YIELD', 'REVERSAL', 'ADJUSTMENT')),
    effective_on    DATE        NOT NULL,
    idempotency_key TEXT        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    reverses        BIGINT UNIQUE REFERENCES ledger.entry (id),
    yield_year      SMALLINT,
    bill_id         BIGINT,
    posted_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((reason = 'REVERSAL') = (reverses IS NOT NULL))
);

-- A line: one account debited or credited with a positive amount; component says what a member's JHT money is
-- (the employer's share, the worker's share, yield) so the balance can be explained line by line.
CREATE TABLE ledger.line
(
    entry_id   BIGINT   NOT NULL REFERENCES ledger.entry (id),
    line_no    INTEGER  NOT NULL,
    account_id BIGINT   NOT NULL REFERENCES ledger.account (id),
    side       CHAR(1)  NOT NULL CHECK (side IN ('D', 'C')),
    amount     BIGINT   NOT NULL CHECK (amount > 0),
    component  TEXT CHECK (component IN ('EMPLOYER', 'WORKER', 'YIELD', 'PENALTY')),
    PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX line_by_account ON ledger.line (account_id, entry_id);

-- Every entry balances (Σ debits = Σ credits, at least two lines), checked at commit so that an entry's lines can be
-- written one statement after another.
CREATE FUNCTION ledger.entry_balances() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    debits  BIGINT;
    credits BIGINT;
    lines   INTEGER;
BEGIN
    SELECT coalesce(sum(amount) FILTER (WHERE side = 'D'), 0), coalesce(sum(amount) FILTER (WHERE side = 'C'), 0),
           count(*)
    INTO debits, credits, lines
    FROM ledger.line WHERE entry_id = NEW.id;
    IF debits <> credits OR lines < 2 THEN
        RAISE EXCEPTION 'journal entry % does not balance: debits %, credits %, % lines', NEW.id, debits, credits, lines
            USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;
-- Lines are checked once per statement (an entry's lines are written by one statement): every entry the statement
-- touched balances. A per-row check would re-add an entry's lines for each of its rows, quadratic for a large bill.
CREATE FUNCTION ledger.lines_balance() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced BIGINT;
BEGIN
    SELECT l.entry_id INTO unbalanced
    FROM ledger.line l
    WHERE l.entry_id IN (SELECT DISTINCT entry_id FROM new_lines)
    GROUP BY l.entry_id
    HAVING coalesce(sum(l.amount) FILTER (WHERE l.side = 'D'), 0) <> coalesce(sum(l.amount) FILTER (WHERE l.side = 'C'), 0)
    LIMIT 1;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END
$$;
-- An entry without lines is caught at commit, unbalanced lines at the end of their statement.
CREATE CONSTRAINT TRIGGER entry_balanced AFTER INSERT ON ledger.entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.entry_balances();
CREATE TRIGGER lines_balanced AFTER INSERT ON ledger.line REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.lines_balance();

-- The journal is append-only: a correction is a reversing entry.
CREATE FUNCTION ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: post a reversing entry instead', TG_TABLE_NAME USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger.entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER line_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger.line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();

-- The cached balance, updated in the transaction that posts the lines. Half-empty pages let each update stay on
-- its page (HOT): no index changes, little bloat on the hot fund rows.
CREATE TABLE ledger.balance
(
    account_id BIGINT PRIMARY KEY REFERENCES ledger.account (id),
    debits     BIGINT      NOT NULL DEFAULT 0,
    credits    BIGINT      NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
) WITH (fillfactor = 50);
INSERT INTO ledger.balance (account_id) SELECT id FROM ledger.account;

-- A member's JHT contribution per bill and month: what the history and statement show (the ledger lines carry the
-- same money; ledger check compares them).
CREATE TABLE ledger.jht_contribution
(
    member_id    UUID   NOT NULL,
    bill_id      BIGINT NOT NULL,
    period       TEXT   NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    employer_id  BIGINT,
    employer     BIGINT NOT NULL CHECK (employer >= 0),
    worker       BIGINT NOT NULL CHECK (worker >= 0),
    paid_on      DATE   NOT NULL,
    entry_id     BIGINT NOT NULL REFERENCES ledger.entry (id),
    PRIMARY KEY (member_id, bill_id)
);
CREATE INDEX jht_contribution_by_member ON ledger.jht_contribution (member_id, period);

-- JP contribution months per member, for the pension formula (PP 45/2015): one row per member and month paid.
-- The wage is not on the bill lines; it is filled when known.
CREATE TABLE ledger.jp_month
(
    member_id UUID   NOT NULL,
    period    TEXT   NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    bill_id   BIGINT NOT NULL,
    employer  BIGINT NOT NULL CHECK (employer >= 0),
    worker    BIGINT NOT NULL CHECK (worker >= 0),
    wage      BIGINT CHECK (wage > 0),
    paid_on   DATE   NOT NULL,
    PRIMARY KEY (member_id, period, bill_id)
);

-- The yield rate declared for a year (RULES.md §5). A correction is a new row; the latest row of a year is in force.
CREATE TABLE ledger.yield_rate
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year              SMALLINT    NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    rate_basis_points INTEGER     NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),
    status            TEXT        NOT NULL CHECK (status IN ('PUBLISHED', 'DECLARED', 'ILLUSTRATIVE')),
    source            TEXT        NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 300),
    created_by        TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX yield_rate_from_file ON ledger.yield_rate (year, status) WHERE created_by = 'data file';
CREATE TRIGGER yield_rate_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger.yield_rate
    FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change();

-- The yield credited to an account for a year under a rate (the entry, or none when the yield rounds to zero). A
-- corrected rate replaces the row after reversing its entry; the journal keeps both.
CREATE TABLE ledger.yield_credit
(
    account_id BIGINT      NOT NULL REFERENCES ledger.account (id),
    year       SMALLINT    NOT NULL,
    rate_id    BIGINT      NOT NULL REFERENCES ledger.yield_rate (id),
    amount     BIGINT      NOT NULL CHECK (amount >= 0),
    entry_id   BIGINT REFERENCES ledger.entry (id),
    credited_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, year)
);
