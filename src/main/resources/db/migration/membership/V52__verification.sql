-- Officers' verification: who holds an application (a claim lapses after 2 hours), who decided what and why.
ALTER TABLE membership.application
    ADD COLUMN claimed_by      UUID,
    ADD COLUMN claimed_by_name TEXT CHECK (length(claimed_by_name) <= 100),
    ADD COLUMN claimed_at      TIMESTAMPTZ,
    ADD COLUMN decided_by      UUID,
    ADD COLUMN decided_at      TIMESTAMPTZ,
    ADD COLUMN decision_reason TEXT CHECK (decision_reason IN ('DOCUMENT_UNREADABLE', 'DATA_MISMATCH',
                                                               'NOT_ELIGIBLE', 'DUPLICATE', 'OTHER')),
    ADD COLUMN decision_note   TEXT CHECK (length(decision_note) <= 1000),
    ADD CONSTRAINT decided_has_officer CHECK (status NOT IN ('APPROVED', 'REJECTED') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL));

-- The queue: oldest first among those waiting or in review.
CREATE INDEX application_queue ON membership.application (submitted_at) WHERE status IN ('SUBMITTED', 'IN_REVIEW');

-- A member: the approved application's person with a KPJ number (RULES.md §8).
CREATE TABLE membership.member
(
    id             UUID PRIMARY KEY,
    account_id     UUID        NOT NULL UNIQUE,
    application_id UUID        NOT NULL UNIQUE REFERENCES membership.application (id),
    kpj            TEXT        NOT NULL UNIQUE CHECK (kpj ~ '^[0-9]{11}$'),
    nik_hash       BYTEA       NOT NULL UNIQUE,
    full_name      TEXT        NOT NULL CHECK (length(full_name) <= 100),
    status         TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'NON_ACTIVE')),
    activated_on   DATE        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- KPJ numbers: YY + a sequence per registration year + a Luhn digit. The row lock of the UPSERT hands out each
-- number once, even to officers approving at the same moment.
CREATE TABLE membership.kpj_sequence
(
    year       INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    last_value BIGINT  NOT NULL CHECK (last_value BETWEEN 1 AND 99999999)
);
