CREATE SCHEMA contribution;

-- Effective-dated rate tables (RULES.md §2–§4). A row is in force from its effective_from until the next row of the
-- same key starts; the calculation reads what is in force on the first day of the contribution month. History is
-- never rewritten: a change is a new row (the trigger below refuses UPDATE and DELETE), and an administrator cannot
-- add a row that would change a month already billed (contribution.billed_period). The data come from the CSV files
-- in id/jamsos/contribution/data, loaded by the Java migration V81.

-- What one party pays for one program in one category.
CREATE TABLE contribution.share_rate
(
    program            TEXT        NOT NULL CHECK (program IN ('JHT', 'JKK', 'JKM', 'JP')),
    category           TEXT        NOT NULL CHECK (category IN ('PU', 'BPU')),
    party              TEXT        NOT NULL CHECK (party IN ('EMPLOYER', 'WORKER')),
    basis              TEXT        NOT NULL CHECK (basis IN ('wage', 'wage_capped_jp', 'declared_income', 'flat')),
    -- NULL for a flat share, and for the JKK share of wage earners, whose rate depends on the employer's risk class
    -- (contribution.jkk_rate; the data file writes "by_risk_class").
    rate_basis_points  INTEGER CHECK (rate_basis_points BETWEEN 0 AND 10000),
    flat_amount_rupiah BIGINT CHECK (flat_amount_rupiah >= 0),
    effective_from     DATE        NOT NULL CHECK (effective_from >= DATE '2000-01-01'),
    legal_basis        TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note               TEXT CHECK (length(note) <= 500),
    created_by         TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (program, category, party, effective_from),
    -- A percentage share carries a rate and no amount, a flat share an amount and no rate; only the employer's JKK
    -- share of a wage earner leaves its rate to the risk-class table.
    CONSTRAINT share_rate_amount_fits_basis CHECK (CASE
        WHEN basis = 'flat' THEN flat_amount_rupiah IS NOT NULL AND rate_basis_points IS NULL
        WHEN rate_basis_points IS NULL THEN flat_amount_rupiah IS NULL AND basis = 'wage'
            AND program = 'JKK' AND category = 'PU' AND party = 'EMPLOYER'
        ELSE flat_amount_rupiah IS NULL END),
    -- Wage bases belong to wage earners, declared income to informal workers, who pay every share themselves.
    CONSTRAINT share_rate_basis_fits_category CHECK (CASE category
        WHEN 'PU' THEN basis IN ('wage', 'wage_capped_jp', 'flat')
        ELSE basis IN ('declared_income', 'flat') AND party = 'WORKER' END),
    -- JP is not open to informal workers (RULES.md §1).
    CONSTRAINT share_rate_no_bpu_pension CHECK (NOT (category = 'BPU' AND program = 'JP'))
);

-- The employer's JKK rate per risk class (PP 44/2015 annex I).
CREATE TABLE contribution.jkk_rate
(
    risk_class                SMALLINT    NOT NULL CHECK (risk_class BETWEEN 1 AND 5),
    name_id                   TEXT        NOT NULL CHECK (length(btrim(name_id)) BETWEEN 1 AND 100),
    name_en                   TEXT        NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 100),
    rate_basis_points         INTEGER     NOT NULL CHECK (rate_basis_points BETWEEN 1 AND 10000),
    -- What JKK keeps after 0.14% of it funds JKP (PP 37/2021, PP 6/2025): information, not billed separately.
    kept_by_jkk_basis_points  INTEGER CHECK (kept_by_jkk_basis_points BETWEEN 0 AND rate_basis_points),
    typical_sectors           TEXT CHECK (length(typical_sectors) <= 300),
    effective_from            DATE        NOT NULL CHECK (effective_from >= DATE '2000-01-01'),
    legal_basis               TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note                      TEXT CHECK (length(note) <= 500),
    created_by                TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (risk_class, effective_from)
);

-- The JP wage ceiling (PP 45/2015 art. 29): raised every 1 March by the previous year's GDP growth.
CREATE TABLE contribution.jp_wage_ceiling
(
    effective_from             DATE        NOT NULL UNIQUE CHECK (effective_from >= DATE '2000-01-01'),
    ceiling_rupiah             BIGINT      NOT NULL CHECK (ceiling_rupiah > 0),
    gdp_growth_applied_percent NUMERIC(5, 2) CHECK (gdp_growth_applied_percent BETWEEN -50 AND 50),
    -- published: announced by BPJS; derived: computed from the rule where no announcement was found.
    status                     TEXT        NOT NULL CHECK (status IN ('published', 'derived')),
    legal_basis                TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note                       TEXT CHECK (length(note) <= 500),
    created_by                 TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The declared monthly income a BPU member may choose (Permenaker 5/2021).
CREATE TABLE contribution.bpu_income_bounds
(
    effective_from DATE        NOT NULL UNIQUE CHECK (effective_from >= DATE '2000-01-01'),
    minimum_rupiah BIGINT      NOT NULL CHECK (minimum_rupiah > 0),
    maximum_rupiah BIGINT      NOT NULL,
    legal_basis    TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note           TEXT CHECK (length(note) <= 500),
    created_by     TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (maximum_rupiah >= minimum_rupiah)
);

-- The PU late penalty per month or part of a month late (PP 44/2015 art. 59; PP 86/2013). BPU: none.
CREATE TABLE contribution.late_penalty_rate
(
    effective_from    DATE        NOT NULL UNIQUE CHECK (effective_from >= DATE '2000-01-01'),
    rate_basis_points INTEGER     NOT NULL CHECK (rate_basis_points BETWEEN 0 AND 10000),
    legal_basis       TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note              TEXT CHECK (length(note) <= 500),
    created_by        TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- How JKP (job loss) is funded (PP 37/2021 as amended by PP 6/2025): information only, never billed.
CREATE TABLE contribution.jkp_funding
(
    effective_from              DATE        NOT NULL UNIQUE CHECK (effective_from >= DATE '2000-01-01'),
    government_rate_basis_points INTEGER    NOT NULL CHECK (government_rate_basis_points BETWEEN 0 AND 10000),
    moved_from_jkk_basis_points INTEGER     NOT NULL CHECK (moved_from_jkk_basis_points BETWEEN 0 AND 10000),
    moved_from_jkm_basis_points INTEGER     NOT NULL CHECK (moved_from_jkm_basis_points BETWEEN 0 AND 10000),
    wage_cap_rupiah             BIGINT      NOT NULL CHECK (wage_cap_rupiah > 0),
    legal_basis                 TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 300),
    note                        TEXT CHECK (length(note) <= 500),
    created_by                  TEXT        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 320),
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A month the billing run has billed. A rate row taking effect on or before the last day of a billed month would
-- change bills already issued, so it is refused.
CREATE TABLE contribution.billed_period
(
    period    TEXT PRIMARY KEY CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    billed_at TIMESTAMPTZ NOT NULL
);

-- Rate history is append-only: what was in force for a month must stay readable as it was.
CREATE FUNCTION contribution.refuse_rate_rewrite() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'contribution.% is append-only: add a new effective-dated row instead', TG_TABLE_NAME
        USING ERRCODE = '23001';
END;
$$;

CREATE TRIGGER share_rate_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.share_rate
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
CREATE TRIGGER jkk_rate_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.jkk_rate
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
CREATE TRIGGER jp_wage_ceiling_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.jp_wage_ceiling
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
CREATE TRIGGER bpu_income_bounds_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.bpu_income_bounds
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
CREATE TRIGGER late_penalty_rate_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.late_penalty_rate
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
CREATE TRIGGER jkp_funding_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contribution.jkp_funding
    FOR EACH STATEMENT EXECUTE FUNCTION contribution.refuse_rate_rewrite();
