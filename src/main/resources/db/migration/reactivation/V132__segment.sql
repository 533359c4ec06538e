-- A reactivation may bring the member back in another way than they left (RULES.md §1, §4): a wage earner with a new
-- employer (segment PU) or now working informally (segment BPU, with occupation and place). NULL: as they were.
ALTER TABLE reactivation.reactivation
    ADD COLUMN segment    TEXT CHECK (segment IN ('PU', 'BPU')),
    ADD COLUMN occupation TEXT CHECK (length(occupation) <= 100),
    ADD COLUMN location   TEXT CHECK (length(location) <= 100),
    ADD CHECK (segment IS NOT DISTINCT FROM 'BPU' OR (occupation IS NULL AND location IS NULL));

-- A lapsed wage earner who chose online to continue as an informal worker: what they declared, once per lapse (the
-- member is BPU afterwards, so the choice is not offered again). Paying the bill issued then reactivates them.
CREATE TABLE reactivation.informal_choice
(
    member_id       UUID        NOT NULL,
    lapsed_on       DATE        NOT NULL,
    occupation      TEXT        NOT NULL CHECK (length(occupation) BETWEEN 1 AND 100),
    location        TEXT        NOT NULL CHECK (length(location) BETWEEN 1 AND 100),
    declared_income BIGINT      NOT NULL CHECK (declared_income > 0),
    jht             BOOLEAN     NOT NULL,
    chosen_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, lapsed_on)
);
